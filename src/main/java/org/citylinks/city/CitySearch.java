package org.citylinks.city;

/**
 * What a client asked of the city list: filters, order and page. Parsed and checked from the query
 * parameters by {@link CityResource}; turned into SQL by {@link CitySearchQuery}.
 *
 * @param text       the {@code q} words, or null
 * @param country    an upper-case ISO code, or null
 * @param network    a network every listed city belongs to, or null
 * @param field      a UCCN creative field every listed city has, or null
 * @param near       the point to order by distance from, or null
 * @param radiusKm   with {@code near}, the largest distance, or null
 * @param sort       the requested order, or null for the default
 * @param limit      the page size
 * @param cursor     the cursor of the previous page, or null
 */
public record CitySearch(String text, String country, Network network, CreativeField field, Point near,
        Double radiusKm, CitySort sort, int limit, String cursor) {

    /** A point in decimal degrees. */
    public record Point(double lat, double lon) {
    }
}
