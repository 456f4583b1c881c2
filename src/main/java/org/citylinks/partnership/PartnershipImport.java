package org.citylinks.partnership;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.citylinks.api.model.ImportReportDto;
import org.citylinks.common.CsvReader;
import org.citylinks.common.ImportReport;
import org.citylinks.common.ProblemException;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports twin-city pairs from CSV as sister-city partnerships, in batches of {@value #BATCH} rows,
 * one transaction each. Each city is found by name and country, the nearest to the row's point
 * when the country has several; a pair is stored once, whichever way round and however often the
 * file lists it.
 */
@ApplicationScoped
public class PartnershipImport {

    static final int BATCH = 1000;

    @Inject
    EntityManager entityManager;

    /** One side of a pair as the file names it. */
    private record Side(String name, String country, Double lat, Double lon) {
    }

    private record Pair(CsvReader.Row source, Side first, Side second) {
    }

    public ImportReportDto run(InputStream csv, String user) {
        ImportReport report = new ImportReport("twin-city partnerships");
        try (CsvReader reader = new CsvReader(csv)) {
            CsvReader.Row header = reader.next();
            List<String> expected = List.of("city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2");
            if (header != null && header.unreadable() != null) {
                throw ProblemException.invalidParameter("body", "has a header line that " + header.unreadable());
            }
            if (header == null || !header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList()
                    .containsAll(expected)) {
                throw ProblemException.invalidParameter("body", "needs the header " + String.join(",", expected));
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                columns.put(header.field(i).toLowerCase(Locale.ROOT), i);
            }
            List<Pair> batch = new ArrayList<>();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (!report.readable(row)) {
                    continue;
                }
                Optional<Side> first = side(row, columns, "1", report);
                Optional<Side> second = first.isPresent() ? side(row, columns, "2", report) : Optional.empty();
                if (first.isPresent() && second.isPresent()) {
                    batch.add(new Pair(row, first.get(), second.get()));
                    if (batch.size() == BATCH) {
                        flush(batch, report, user);
                    }
                }
            }
            flush(batch, report, user);
        }
        ImportReport.tidy(entityManager, org.citylinks.common.ImportReport.ImportedTable.PARTNERSHIP);
        return report.toDto();
    }

    private static Optional<Side> side(CsvReader.Row row, Map<String, Integer> columns, String n, ImportReport report) {
        String name = row.field(columns.get("city" + n));
        String countryName = row.field(columns.get("country" + n));
        if (name.isEmpty() || name.length() > 200) {
            report.malformed(row, "city" + n + " must be a name of 1 to 200 characters");
            return Optional.empty();
        }
        Optional<String> country = CountryNames.code(countryName);
        if (country.isEmpty()) {
            report.unmatched(row, "country" + n + " '" + countryName + "' is not a country this import knows");
            return Optional.empty();
        }
        try {
            String lat = row.field(columns.get("lat" + n));
            String lon = row.field(columns.get("lng" + n));
            return Optional.of(new Side(name, country.get(), lat.isEmpty() ? null : Double.valueOf(lat),
                    lon.isEmpty() ? null : Double.valueOf(lon)));
        } catch (NumberFormatException e) {
            report.malformed(row, "lat" + n + " and lng" + n + " must be numbers");
            return Optional.empty();
        }
    }

    private void flush(List<Pair> batch, ImportReport report, String user) {
        if (batch.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            List<Side> sides = new ArrayList<>();
            batch.forEach(pair -> {
                sides.add(pair.first());
                sides.add(pair.second());
            });
            UUID[] found = find(connection, sides);
            Map<String, UUID[]> pairs = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                Pair pair = batch.get(i);
                UUID a = found[2 * i];
                UUID b = found[2 * i + 1];
                if (a == null || b == null) {
                    Side missing = a == null ? pair.first() : pair.second();
                    report.unmatched(pair.source(), "no city " + missing.name() + " in " + missing.country());
                } else if (a.equals(b)) {
                    report.unmatched(pair.source(), "both sides are the same city");
                } else {
                    boolean inOrder = a.toString().compareTo(b.toString()) < 0;
                    UUID first = inOrder ? a : b;
                    UUID second = inOrder ? b : a;
                    if (pairs.putIfAbsent(first + "/" + second, new UUID[] { first, second }) != null) {
                        report.unchanged(1); // listed again, the other way round or the same
                    }
                }
            }
            long created = insert(connection, new ArrayList<>(pairs.values()), user);
            report.created(created);
            report.unchanged(pairs.size() - created);
        }));
        batch.clear();
        report.progress();
    }

    /** The city of each side: that name in that country, the nearest to its point when there are several. */
    private static UUID[] find(Connection connection, List<Side> sides) throws SQLException {
        UUID[] found = new UUID[sides.size()];
        Object[] index = new Object[sides.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT r.i, (SELECT c.id FROM city c
                              WHERE c.country_code = r.country AND c.sort_name = citylinks_normalize(r.name)
                              ORDER BY CASE WHEN r.lat IS NULL THEN 0
                                            WHEN c.lat IS NULL THEN 1e9
                                            ELSE (c.lat - r.lat) ^ 2 + (c.lon - r.lon) ^ 2 END,
                                       c.population DESC NULLS LAST, c.id
                              LIMIT 1)
                  FROM unnest(?::int[], ?::text[], ?::text[], ?::float8[], ?::float8[]) AS r(i, name, country, lat, lon)
                """)) {
            statement.setArray(1, connection.createArrayOf("int4", index));
            statement.setArray(2, connection.createArrayOf("text",
                    sides.stream().map(s -> org.citylinks.city.CityDirectory.asciiForm(s.name())).toArray()));
            statement.setArray(3, connection.createArrayOf("text", sides.stream().map(Side::country).toArray()));
            statement.setArray(4, connection.createArrayOf("float8", sides.stream().map(Side::lat).toArray()));
            statement.setArray(5, connection.createArrayOf("float8", sides.stream().map(Side::lon).toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found[result.getInt(1)] = result.getObject(2, UUID.class);
                }
            }
        }
        return found;
    }

    private static long insert(Connection connection, List<UUID[]> pairs, String user) throws SQLException {
        if (pairs.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO partnership (id, city_a_id, city_b_id, relationship_type, fields, since, status, city_names,
                                         version, created_at, updated_at, created_by, updated_by)
                SELECT gen_random_uuid(), p.a, p.b, 'SISTER_CITY', '{}', NULL, 'ACTIVE', ca.name || ' ' || cb.name,
                       0, now(), now(), ?, ?
                  FROM unnest(?::uuid[], ?::uuid[]) AS p(a, b)
                  JOIN city ca ON ca.id = p.a
                  JOIN city cb ON cb.id = p.b
                ON CONFLICT (city_a_id, city_b_id, relationship_type) DO NOTHING
                """)) {
            statement.setString(1, user);
            statement.setString(2, user);
            statement.setArray(3, connection.createArrayOf("uuid", pairs.stream().map(p -> p[0]).toArray()));
            statement.setArray(4, connection.createArrayOf("uuid", pairs.stream().map(p -> p[1]).toArray()));
            return statement.executeUpdate();
        }
    }
}
