package org.citylinks.city;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.citylinks.city.CityImportRows.CityRow;
import org.citylinks.common.ImportReport;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes a batch of imported cities in a transaction of its own: the rows with a simplemaps id in
 * one set-based upsert ({@code unnest} of arrays), the others matched on name and country.
 */
@ApplicationScoped
class CityUpserts {

    @Inject
    EntityManager entityManager;

    void write(List<CityRow> batch, ImportReport report, String user) {
        if (batch.isEmpty()) {
            return;
        }
        // In id order, so that two batches writing at once take their row locks in the same order.
        List<CityRow> byId = batch.stream().filter(c -> c.simplemapsId() != null)
                .sorted(java.util.Comparator.comparing(CityRow::simplemapsId)).toList();
        List<CityRow> byName = batch.stream().filter(c -> c.simplemapsId() == null).toList();
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            upsertById(connection, byId, report, user);
            for (CityRow city : byName) {
                upsertByNameAndCountry(connection, city, report, user);
            }
        }));
        report.progress();
    }

    private static void upsertById(Connection connection, List<CityRow> cities, ImportReport report, String user)
            throws SQLException {
        if (cities.isEmpty()) {
            return;
        }
        String sql = """
                INSERT INTO city (id, name, ascii_name, country_code, region, lat, lon, population, simplemaps_id,
                                  version, created_at, updated_at, created_by, updated_by)
                SELECT gen_random_uuid(), r.name, r.ascii, r.country, r.region, r.lat, r.lon, r.population, r.sid,
                       0, now(), now(), ?, ?
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::int8[], ?::text[])
                       AS r(name, ascii, country, region, lat, lon, population, sid)
                ON CONFLICT (simplemaps_id) DO UPDATE
                   SET name = EXCLUDED.name, ascii_name = EXCLUDED.ascii_name, country_code = EXCLUDED.country_code,
                       region = EXCLUDED.region, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
                       population = EXCLUDED.population, version = city.version + 1, updated_at = now(),
                       updated_by = EXCLUDED.updated_by
                 WHERE (city.name, city.ascii_name, city.country_code, city.region, city.lat, city.lon, city.population)
                       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.ascii_name, EXCLUDED.country_code, EXCLUDED.region,
                                         EXCLUDED.lat, EXCLUDED.lon, EXCLUDED.population)
                RETURNING (xmax = 0) AS inserted
                """;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, user);
            statement.setString(2, user);
            statement.setArray(3, array(connection, "text", cities.stream().map(CityRow::name).toArray()));
            statement.setArray(4, array(connection, "text", cities.stream().map(CityRow::ascii).toArray()));
            statement.setArray(5, array(connection, "text", cities.stream().map(CityRow::country).toArray()));
            statement.setArray(6, array(connection, "text", cities.stream().map(CityRow::region).toArray()));
            statement.setArray(7, array(connection, "float8", cities.stream().map(CityRow::lat).toArray()));
            statement.setArray(8, array(connection, "float8", cities.stream().map(CityRow::lon).toArray()));
            statement.setArray(9, array(connection, "int8", cities.stream().map(CityRow::population).toArray()));
            statement.setArray(10, array(connection, "text", cities.stream().map(CityRow::simplemapsId).toArray()));
            long created = 0;
            long changed = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    if (result.getBoolean(1)) {
                        created++;
                    } else {
                        changed++;
                    }
                }
            }
            report.created(created);
            report.updated(changed);
            report.unchanged(cities.size() - created - changed);
        }
    }

    /** A row without a simplemaps id: the one city of that name in that country, or a new one. */
    private static void upsertByNameAndCountry(Connection connection, CityRow city, ImportReport report, String user)
            throws SQLException {
        List<UUID> same = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT id FROM city WHERE country_code = ? AND sort_name = citylinks_normalize(?) LIMIT 2")) {
            find.setString(1, city.country());
            find.setString(2, city.ascii());
            try (ResultSet result = find.executeQuery()) {
                while (result.next()) {
                    same.add(result.getObject(1, UUID.class));
                }
            }
        }
        if (same.size() > 1) {
            report.unmatched(city.source(), "several cities are called " + city.name() + " in " + city.country()
                    + "; add the simplemaps id to say which");
            return;
        }
        if (same.isEmpty()) {
            upsertById(connection, List.of(city), report, user);
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE city SET name = ?, ascii_name = ?, region = ?, lat = ?, lon = ?, population = ?,
                       version = version + 1, updated_at = now(), updated_by = ?
                 WHERE id = ? AND (name, ascii_name, region, lat, lon, population) IS DISTINCT FROM (?, ?, ?, ?, ?, ?)
                """)) {
            Object[] values = { city.name(), city.ascii(), city.region(), city.lat(), city.lon(), city.population() };
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
                update.setObject(i + 9, values[i]);
            }
            update.setString(7, user);
            update.setObject(8, same.get(0));
            if (update.executeUpdate() == 1) {
                report.updated(1);
            } else {
                report.unchanged(1);
            }
        }
    }

    static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
