package org.citylinks.city;

import java.util.ArrayList;
import java.util.List;

import org.citylinks.common.KeysetQuery;
import org.citylinks.common.TextMatch;

/**
 * The SQL of a city search. Every filter and order is one an index serves (see
 * {@code V1__cities.sql} and {@code V5__search_speed.sql}); {@link KeysetQuery} adds the page
 * boundary. Each row carries the whole city (see {@link #COLUMNS}), so that one statement answers a
 * page.
 *
 * <p>A name search ({@code q}) matches in the two modes of {@link TextMatch}: names with a word
 * starting with each word typed or one typo away from it, else names spelt nearly like it.
 */
final class CitySearchQuery {

    /**
     * The columns of a row, which {@link CityRepository} reads by label: the city, its distance
     * from {@code near} ({@code distance_km}, or null), and its memberships as
     * {@code network:field:since} joined by {@code ,}; PostgreSQL evaluates that subquery only for
     * the rows of the page.
     */
    static final String COLUMNS = "c.id, %s AS distance_km, c.name, c.ascii_name, c.country_code, c.region, c.lat,"
            + " c.lon, c.population, c.geonames_id, c.wikidata_id, c.simplemaps_id, c.version, c.created_at,"
            + " c.updated_at, c.created_by, c.updated_by, CAST(c.alternate_names AS text) AS alternate_names, (SELECT string_agg(m.network || ':' || coalesce(m.field, '')"
            + " || ':' || coalesce(CAST(m.since AS text), ''), ',' ORDER BY m.network, m.field)"
            + " FROM city_membership m WHERE m.city_id = c.id) AS memberships";

    private CitySearchQuery() {
    }

    static KeysetQuery of(CitySearch search, TextMatch.Match match) {
        String distance = search.near() != null ? "sec_to_gc(cube_distance(c.earth_point, p.here)) / 1000.0" : "NULL";
        KeysetQuery query = match.query(COLUMNS.formatted(distance), "CROSS JOIN city c",
                ", CAST(ll_to_earth(CAST(? AS double precision), CAST(? AS double precision)) AS cube) AS here",
                search.near() == null ? null : search.near().lat(), search.near() == null ? null : search.near().lon());
        if (search.text() != null) {
            query.where(match.mode() == TextMatch.Mode.WORDS
                    ? "c.search_vector @@ p.loose"
                    // Word similarity: the words typed are close to some run of words of the name,
                    // which forgives a typo; the trigram index serves it.
                    : "p.text <% c.search_name");
        }
        if (search.country() != null) {
            query.where("c.country_code = ?", search.country());
        }
        if (search.network() != null || search.field() != null) {
            String network = search.network() != null ? search.network().name() : Network.UCCN.name();
            if (search.field() != null) {
                query.where("EXISTS (SELECT 1 FROM city_membership m WHERE m.city_id = c.id AND m.network = ?"
                        + " AND m.field = ?)", network, search.field().name());
            } else {
                query.where("EXISTS (SELECT 1 FROM city_membership m WHERE m.city_id = c.id AND m.network = ?)", network);
            }
        }
        if (search.near() != null) {
            // The stored point (V5): earth_distance() and ll_to_earth() would re-check the earth
            // domain on every row; sec_to_gc(cube_distance()) is what earth_distance() computes.
            query.where("c.earth_point IS NOT NULL");
            if (search.radiusKm() != null) {
                double metres = search.radiusKm() * 1000;
                query.where("cube_enlarge(p.here, gc_to_sec(?), 3) @> c.earth_point"
                        + " AND sec_to_gc(cube_distance(c.earth_point, p.here)) <= ?", metres, metres);
            }
        }
        List<KeysetQuery.SortKey> keys = new ArrayList<>(effectiveOrder(search, match.mode()));
        keys.add(KeysetQuery.SortKey.asc("c.id", "uuid"));
        return query.orderBy(keys);
    }

    private static List<KeysetQuery.SortKey> effectiveOrder(CitySearch search, TextMatch.Mode mode) {
        if (search.sort() != null) {
            return search.sort().keys();
        }
        if (search.near() != null) {
            return CitySort.DISTANCE.keys();
        }
        if (search.text() == null) {
            return CitySort.NAME.keys();
        }
        return mode == TextMatch.Mode.WORDS ? CitySort.WORD_RELEVANCE : CitySort.RELEVANCE.keys();
    }
}
