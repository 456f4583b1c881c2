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

import org.citylinks.common.KeysetQuery;
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
        KeysetQuery query = new KeysetQuery("""
                pa.id, pa.relationship_type, pa.status, pa.health, pa.since,
                a.id AS a_id, a.name AS a_name, a.country_code AS a_country_code, a.lon AS a_lon, a.lat AS a_lat,
                b.id AS b_id, b.name AS b_name, b.country_code AS b_country_code, b.lon AS b_lon, b.lat AS b_lat""",
                "partnership pa JOIN city a ON a.id = pa.city_a_id JOIN city b ON b.id = pa.city_b_id");
        query.where("a.lat IS NOT NULL AND b.lat IS NOT NULL");
        if (filter.countryCode() != null) {
            query.where("a.country_code = ? OR b.country_code = ?", filter.countryCode(), filter.countryCode());
        }
        if (filter.network() != null) {
            query.where("EXISTS (SELECT 1 FROM city_membership m WHERE m.city_id IN (a.id, b.id) AND m.network = ?"
                    + (filter.field() != null ? " AND m.network = 'UCCN' AND m.field = ?)" : ")"),
                    filter.field() != null ? new Object[] { filter.network().name(), filter.field().name() }
                            : new Object[] { filter.network().name() });
        } else if (filter.field() != null) {
            query.where("EXISTS (SELECT 1 FROM city_membership m WHERE m.city_id IN (a.id, b.id)"
                    + " AND m.network = 'UCCN' AND m.field = ?)", filter.field().name());
        }
        if (filter.health() != null) {
            query.where("pa.health = ?", filter.health().name());
        }
        // Most active first, so a truncated map keeps the ties that matter now.
        query.orderBy(List.of(KeysetQuery.SortKey.asc("CASE pa.health WHEN 'ACTIVE' THEN 0 WHEN 'QUIET' THEN 1 ELSE 2 END",
                "integer"), KeysetQuery.SortKey.asc("pa.id", "uuid")));
        KeysetQuery.Page page = query.run(em, null, filter.limit());
        boolean truncated = page.next() != null;
        Map<UUID, Place> places = new LinkedHashMap<>();
        List<Feature> lines = new ArrayList<>();
        for (KeysetQuery.Row row : page.rows()) {
            Place a = place(row, "a_");
            Place b = place(row, "b_");
            places.putIfAbsent(a.id(), a);
            places.putIfAbsent(b.id(), b);
            lines.add(new Feature("Feature", row.uuid("id"),
                    new Geometry("LineString", List.of(a.position(), b.position())),
                    new Properties("partnership", null, null, row.text("relationship_type"), row.text("status"),
                            row.text("health"), row.text("since"), List.of(a.id(), b.id()))));
        }
        List<Feature> features = new ArrayList<>(places.size() + lines.size());
        places.values().stream().sorted(Comparator.comparing(Place::name).thenComparing(Place::id))
                .forEach(p -> features.add(new Feature("Feature", p.id(), new Geometry("Point", p.position()),
                        new Properties("city", p.name(), p.countryCode(), null, null, null, null, null))));
        features.addAll(lines);
        return new FeatureCollection("FeatureCollection", features, truncated);
    }

    private static Place place(KeysetQuery.Row row, String side) {
        return new Place(row.uuid(side + "id"), row.text(side + "name"), row.text(side + "country_code"),
                row.decimal(side + "lon"), row.decimal(side + "lat"));
    }
}
