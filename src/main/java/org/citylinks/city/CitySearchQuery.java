package org.citylinks.city;

import java.util.ArrayList;
import java.util.List;

import org.citylinks.common.Cursor;

/**
 * The SQL of one page of a city search. Every filter and order is one an index serves (see
 * {@code V1__cities.sql}); paging is keyset: the page after a cursor starts strictly after the
 * cursor's sort-key values, so rows inserted meanwhile never shift what follows.
 */
final class CitySearchQuery {

    final String sql;
    final List<Object> parameters = new ArrayList<>();
    final CitySort order;
    final String fingerprint;

    CitySearchQuery(CitySearch search) {
        this.order = effectiveOrder(search);
        this.fingerprint = Cursor.fingerprint(String.join("|", String.valueOf(search.text()),
                String.valueOf(search.country()), String.valueOf(search.network()), String.valueOf(search.field()),
                String.valueOf(search.near()), String.valueOf(search.radiusKm()), order.name()));
        List<CitySort.SortKey> keys = order.keys();

        StringBuilder sql = new StringBuilder("SELECT c.id");
        for (CitySort.SortKey key : keys) {
            sql.append(", CAST(").append(key.expression()).append(" AS text)");
        }
        sql.append(search.near() != null ? ", earth_distance(ll_to_earth(c.lat, c.lon), p.here) / 1000.0" : ", NULL");
        // The inputs are bound once, in a FROM-less subquery that the planner folds into constants.
        sql.append(" FROM city c CROSS JOIN (SELECT citylinks_normalize(CAST(? AS text)) AS text,"
                + " ll_to_earth(CAST(? AS double precision), CAST(? AS double precision)) AS here) p WHERE TRUE");
        parameters.add(search.text());
        parameters.add(search.near() == null ? null : search.near().lat());
        parameters.add(search.near() == null ? null : search.near().lon());

        if (search.text() != null) {
            // Word similarity: the words typed are close to some run of words of the name, which
            // forgives a typo and matches a part of a longer name; the trigram index serves it.
            sql.append(" AND p.text <% c.search_name");
        }
        if (search.country() != null) {
            sql.append(" AND c.country_code = ?");
            parameters.add(search.country());
        }
        if (search.network() != null || search.field() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM city_membership m WHERE m.city_id = c.id AND m.network = ?");
            parameters.add(search.network() != null ? search.network().name() : Network.UCCN.name());
            if (search.field() != null) {
                sql.append(" AND m.field = ?");
                parameters.add(search.field().name());
            }
            sql.append(')');
        }
        if (search.near() != null) {
            sql.append(" AND c.lat IS NOT NULL");
            if (search.radiusKm() != null) {
                sql.append(" AND earth_box(p.here, ?) @> ll_to_earth(c.lat, c.lon)")
                        .append(" AND earth_distance(ll_to_earth(c.lat, c.lon), p.here) <= ?");
                parameters.add(search.radiusKm() * 1000);
                parameters.add(search.radiusKm() * 1000);
            }
        }
        if (search.cursor() != null) {
            Cursor cursor = Cursor.decode(search.cursor(), fingerprint, keys.size() + 1);
            appendAfter(sql, keys, cursor.keys());
        }
        sql.append(" ORDER BY ");
        for (CitySort.SortKey key : keys) {
            sql.append(key.expression()).append(key.descending() ? " DESC, " : ", ");
        }
        sql.append("c.id LIMIT ?");
        parameters.add(search.limit() + 1);
        this.sql = sql.toString();
    }

    /** Rows strictly after the cursor in the order (k1, k2, ..., id). */
    private void appendAfter(StringBuilder sql, List<CitySort.SortKey> keys, List<String> values) {
        sql.append(" AND (");
        for (int i = 0; i <= keys.size(); i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            sql.append('(');
            for (int j = 0; j < i; j++) {
                sql.append(keys.get(j).expression()).append(" = CAST(? AS ").append(keys.get(j).type()).append(") AND ");
                parameters.add(values.get(j));
            }
            if (i < keys.size()) {
                CitySort.SortKey key = keys.get(i);
                sql.append(key.expression()).append(key.descending() ? " < " : " > ")
                        .append("CAST(? AS ").append(key.type()).append(')');
            } else {
                sql.append("c.id > CAST(? AS uuid)");
            }
            parameters.add(values.get(i));
            sql.append(')');
        }
        sql.append(')');
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
