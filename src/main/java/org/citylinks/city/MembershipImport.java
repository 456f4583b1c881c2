package org.citylinks.city;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.citylinks.api.model.ImportReportDto;
import org.citylinks.city.CityImportRows.MembershipRow;
import org.citylinks.common.CsvReader;
import org.citylinks.common.ImportReport;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports UNESCO Creative Cities memberships: each row's city is the one of that name in that
 * country (the most populous, if several), in batches of {@value CityImport#BATCH}, one
 * transaction each.
 */
@ApplicationScoped
class MembershipImport {

    @Inject
    EntityManager entityManager;

    ImportReportDto run(CsvReader reader, Map<String, Integer> columns, String user) {
        ImportReport report = new ImportReport("UNESCO Creative Cities memberships");
        Integer countryColumn = columns.containsKey("iso2") ? columns.get("iso2") : columns.get("country_code");
        List<MembershipRow> batch = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            if (!report.readable(row)) {
                continue;
            }
            MembershipRow membership = CityImportRows.membership(row, columns, countryColumn, report);
            if (membership != null) {
                batch.add(membership);
                if (batch.size() == CityImport.BATCH) {
                    flushMemberships(batch, report, user);
                }
            }
        }
        flushMemberships(batch, report, user);
        return report.toDto();
    }

    private void flushMemberships(List<MembershipRow> batch, ImportReport report, String user) {
        if (batch.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            Map<Integer, UUID> cities = citiesOf(connection, batch);
            List<UUID> ids = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (cities.containsKey(i)) {
                    ids.add(cities.get(i));
                    fields.add(batch.get(i).field());
                } else {
                    report.unmatched(batch.get(i).source(), "no city " + batch.get(i).name() + " in " + batch.get(i).country());
                }
            }
            long created = add(connection, ids, fields, user);
            report.created(created);
            report.unchanged(ids.size() - created);
        }));
        batch.clear();
        report.progress();
    }

    /** The city of each row's name in its country (the most populous, if several), by the row's index. */
    private static Map<Integer, UUID> citiesOf(Connection connection, List<MembershipRow> batch) throws SQLException {
        Map<Integer, UUID> cities = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement("""
                SELECT r.i, (SELECT c.id FROM city c WHERE c.country_code = r.country
                                AND c.sort_name = citylinks_normalize(r.name)
                              ORDER BY c.population DESC NULLS LAST, c.id LIMIT 1) AS city_id
                  FROM unnest(?::int[], ?::text[], ?::text[]) AS r(i, name, country)
                """)) {
            find.setArray(1, CityUpserts.array(connection, "int4", range(batch.size())));
            find.setArray(2, CityUpserts.array(connection, "text",
                    batch.stream().map(m -> CityDirectory.asciiForm(m.name())).toArray()));
            find.setArray(3, CityUpserts.array(connection, "text", batch.stream().map(MembershipRow::country).toArray()));
            try (ResultSet result = find.executeQuery()) {
                while (result.next()) {
                    UUID id = result.getObject("city_id", UUID.class);
                    if (id != null) {
                        cities.put(result.getInt("i"), id);
                    }
                }
            }
        }
        return cities;
    }

    /** Adds the UCCN memberships (each city's version moves on); returns how many were new. */
    private static long add(Connection connection, List<UUID> ids, List<String> fields, String user) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                WITH added AS (
                    INSERT INTO city_membership (city_id, network, field, since)
                    SELECT DISTINCT r.city, 'UCCN', r.field, CAST(NULL AS integer)
                      FROM unnest(?::uuid[], ?::text[]) AS r(city, field)
                    ON CONFLICT (city_id, network, coalesce(field, '')) DO NOTHING
                    RETURNING city_id),
                changed AS (
                    UPDATE city SET version = version + 1, updated_at = now(), updated_by = ?
                     WHERE id IN (SELECT city_id FROM added)
                    RETURNING id)
                SELECT (SELECT count(*) FROM added) AS added, (SELECT count(*) FROM changed) AS changed
                """)) {
            insert.setArray(1, CityUpserts.array(connection, "uuid", ids.toArray()));
            insert.setArray(2, CityUpserts.array(connection, "text", fields.toArray()));
            insert.setString(3, user);
            try (ResultSet counts = insert.executeQuery()) {
                counts.next();
                return counts.getLong("added");
            }
        }
    }

    private static Object[] range(int size) {
        Object[] numbers = new Object[size];
        for (int i = 0; i < size; i++) {
            numbers[i] = i;
        }
        return numbers;
    }
}
