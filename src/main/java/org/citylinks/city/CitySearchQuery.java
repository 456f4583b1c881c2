package org.citylinks.city;

import java.util.ArrayList;
import java.util.List;

import org.citylinks.common.KeysetQuery;

/**
 * The SQL of a city search. Every filter and order is one an index serves (see
 * {@code V1__cities.sql}); {@link KeysetQuery} adds the page boundary. Each row is the city's id and
 * its distance from {@code near} (or null).
 */
final class CitySearchQuery {

    private CitySearchQuery() {
    }

    static KeysetQuery of(CitySearch search) {
        // The inputs are bound once, in a FROM-less subquery that the planner folds into constants.
        KeysetQuery query = new KeysetQuery(
                "c.id, " + (search.near() != null ? "earth_distance(ll_to_earth(c.lat, c.lon), p.here) / 1000.0" : "NULL"),
                2,
                "city c CROSS JOIN (SELECT citylinks_normalize(CAST(? AS text)) AS text,"
                        + " ll_to_earth(CAST(? AS double precision), CAST(? AS double precision)) AS here) p",
                search.text(), search.near() == null ? null : search.near().lat(),
                search.near() == null ? null : search.near().lon());
        if (search.text() != null) {
            // Word similarity: the words typed are close to some run of words of the name, which
            // forgives a typo and matches a part of a longer name; the trigram index serves it.
            query.where("p.text <% c.search_name");
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
            query.where("c.lat IS NOT NULL");
            if (search.radiusKm() != null) {
                double metres = search.radiusKm() * 1000;
                query.where("earth_box(p.here, ?) @> ll_to_earth(c.lat, c.lon)"
                        + " AND earth_distance(ll_to_earth(c.lat, c.lon), p.here) <= ?", metres, metres);
            }
        }
        List<KeysetQuery.SortKey> keys = new ArrayList<>(effectiveOrder(search).keys());
        keys.add(KeysetQuery.SortKey.asc("c.id", "uuid"));
        return query.orderBy(keys);
    }

    private static CitySort effectiveOrder(CitySearch search) {
        if (search.sort() != null) {
            return search.sort();
        }
        if (search.near() != null) {
            return CitySort.DISTANCE;
        }
        return search.text() != null ? CitySort.RELEVANCE : CitySort.NAME;
    }
}
