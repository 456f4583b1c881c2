package org.citylinks.partnership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.citylinks.city.CreativeField;
import org.citylinks.city.Network;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The partnership map: a GeoJSON FeatureCollection (RFC 7946) of the matching partnerships as
 * lines and their cities as points, read in one statement and bounded by {@code limit}.
 */
@ApplicationScoped
public class PartnershipMap {

    @Inject
    EntityManager em;

    /** What the map shows; null filters are not applied. */
    public record Filter(String countryCode, Network network, CreativeField field, PartnershipHealth health, int limit) {
    }

    @RegisterForReflection
    public record FeatureCollection(String type, List<Feature> features, boolean truncated) {
    }

    @RegisterForReflection
    public record Feature(String type, UUID id, Geometry geometry, Properties properties) {
    }

    @RegisterForReflection
    public record Geometry(String type, Object coordinates) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(String kind, String name, String countryCode, String relationshipType, String status,
            String health, String since, List<UUID> cityIds) {
    }

    private record Place(UUID id, String name, String countryCode, double lon, double lat) {

        double[] position() {
            return new double[] { lon, lat };
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeatureCollection of(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT pa.id, pa.relationship_type, pa.status, pa.health, pa.since,
                       a.id, a.name, a.country_code, a.lon, a.lat, b.id, b.name, b.country_code, b.lon, b.lat
                  FROM partnership pa
                  JOIN city a ON a.id = pa.city_a_id
                  JOIN city b ON b.id = pa.city_b_id
                 WHERE a.lat IS NOT NULL AND b.lat IS NOT NULL""");
        List<Object> parameters = new ArrayList<>();
        if (filter.countryCode() != null) {
            sql.append(" AND (a.country_code = ? OR b.country_code = ?)");
            parameters.add(filter.countryCode());
            parameters.add(filter.countryCode());
        }
        if (filter.network() != null || filter.field() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM city_membership m WHERE m.city_id IN (a.id, b.id)");
            if (filter.network() != null) {
                sql.append(" AND m.network = ?");
                parameters.add(filter.network().name());
            }
            if (filter.field() != null) {
                sql.append(" AND m.network = 'UCCN' AND m.field = ?");
                parameters.add(filter.field().name());
            }
            sql.append(')');
        }
        if (filter.health() != null) {
            sql.append(" AND pa.health = ?");
            parameters.add(filter.health().name());
        }
        // Most active first, so a truncated map keeps the ties that matter now.
        sql.append(" ORDER BY CASE pa.health WHEN 'ACTIVE' THEN 0 WHEN 'QUIET' THEN 1 ELSE 2 END, pa.id LIMIT ?");
        parameters.add(filter.limit() + 1);
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean truncated = rows.size() > filter.limit();
        Map<UUID, Place> places = new LinkedHashMap<>();
        List<Feature> lines = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), filter.limit()))) {
            Place a = place(row, 5);
            Place b = place(row, 10);
            places.putIfAbsent(a.id(), a);
            places.putIfAbsent(b.id(), b);
            lines.add(new Feature("Feature", (UUID) row[0],
                    new Geometry("LineString", List.of(a.position(), b.position())),
                    new Properties("partnership", null, null, (String) row[1], (String) row[2], (String) row[3],
                            (String) row[4], List.of(a.id(), b.id()))));
        }
        List<Feature> features = new ArrayList<>(places.size() + lines.size());
        places.values().stream().sorted(Comparator.comparing(Place::name).thenComparing(Place::id))
                .forEach(p -> features.add(new Feature("Feature", p.id(), new Geometry("Point", p.position()),
                        new Properties("city", p.name(), p.countryCode(), null, null, null, null, null))));
        features.addAll(lines);
        return new FeatureCollection("FeatureCollection", features, truncated);
    }

    private static Place place(Object[] row, int at) {
        return new Place((UUID) row[at], (String) row[at + 1], (String) row[at + 2],
                ((Number) row[at + 3]).doubleValue(), ((Number) row[at + 4]).doubleValue());
    }
}
