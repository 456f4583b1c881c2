package org.citylinks.city;

import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Imports cities (simplemaps World Cities) or UNESCO Creative Cities memberships from CSV, read as
 * a stream and written in batches of {@value #BATCH} rows, one transaction each. Each batch is one
 * set-based statement ({@code unnest} of arrays), so an import runs at database speed.
 */
@ApplicationScoped
public class CityImport {

    static final int BATCH = 1000;
    /**
     * Batches written at once, each on its own connection and transaction: the database work of a
     * city (generated search columns, GIN, GiST and B-tree entries) is CPU-bound, and two writers
     * use both cores of a small machine while the reader parses the next batch.
     */
    static final int WRITERS = 2;
    private static final Map<String, String> FIELDS = Map.of(
            "crafts and folk art", "CRAFTS_AND_FOLK_ART", "design", "DESIGN", "film", "FILM",
            "gastronomy", "GASTRONOMY", "literature", "LITERATURE", "media arts", "MEDIA_ARTS", "music", "MUSIC");

    @Inject
    EntityManager entityManager;

    /** A city row, checked. */
    private record CityRow(CsvReader.Row source, String name, String ascii, String country, String region,
            Double lat, Double lon, Long population, String simplemapsId) {
    }

    /** A membership row, checked. */
    private record MembershipRow(CsvReader.Row source, String name, String country, String field) {
    }

    public ImportReportDto run(InputStream csv, String user) {
        try (CsvReader reader = new CsvReader(csv)) {
            CsvReader.Row header = reader.next();
            if (header == null) {
                throw ProblemException.invalidParameter("body", "is empty; send a CSV file with its header line");
            }
            if (header.unreadable() != null) {
                throw ProblemException.invalidParameter("body", "has a header line that " + header.unreadable());
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                columns.put(header.field(i).toLowerCase(Locale.ROOT), i);
            }
            if (columns.keySet().containsAll(List.of("city", "city_ascii", "lat", "lng", "iso2", "population", "id"))) {
                ImportReportDto report = importCities(reader, columns, user);
                ImportReport.tidy(entityManager, "city");
                return report;
            }
            if (columns.keySet().containsAll(List.of("city", "creative_field"))) {
                return importMemberships(reader, columns, user);
            }
            throw ProblemException.invalidParameter("body", "has a header of neither layout: expected"
                    + " city,city_ascii,lat,lng,country,iso2,iso3,admin_name,capital,population,id"
                    + " or city,creative_field,link,iso2");
        }
    }

    private ImportReportDto importCities(CsvReader reader, Map<String, Integer> columns, String user) {
        ImportReport report = new ImportReport("cities");
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
        Deque<Writing> writing = new ArrayDeque<>();
        try {
            List<CityRow> batch = new ArrayList<>();
            Set<String> idsInBatch = new HashSet<>();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                report.line();
                if (row.unreadable() != null) {
                    report.malformed(row, row.unreadable());
                    continue;
                }
                CityRow city = cityRow(row, columns, report);
                if (city == null) {
                    continue;
                }
                String id = city.simplemapsId();
                if (id != null && writing.stream().anyMatch(w -> w.ids().contains(id))) {
                    finishAll(writing); // a later line for the same city must win, so it waits for the earlier
                }
                if (id != null && !idsInBatch.add(id)) {
                    submit(executor, writing, batch, idsInBatch, report, user); // one statement cannot upsert an id twice
                    finishAll(writing);
                    idsInBatch.add(id);
                }
                batch.add(city);
                if (batch.size() == BATCH) {
                    submit(executor, writing, batch, idsInBatch, report, user);
                }
            }
            submit(executor, writing, batch, idsInBatch, report, user);
            finishAll(writing);
        } finally {
            executor.shutdownNow();
        }
        return report.toDto();
    }

    /** A batch being written, and the simplemaps ids in it. */
    private record Writing(Future<?> done, Set<String> ids) {
    }

    /**
     * Hands the batch to a writer; the reader goes on parsing meanwhile. At most {@value #WRITERS}
     * batches are in flight, so memory stays bounded. A batch with rows matched on name and country
     * runs alone, so that two batches never both create the same unnamed city.
     */
    private void submit(ExecutorService executor, Deque<Writing> writing, List<CityRow> batch, Set<String> ids,
            ImportReport report, String user) {
        if (batch.isEmpty()) {
            return;
        }
        boolean alone = batch.stream().anyMatch(city -> city.simplemapsId() == null);
        while (writing.size() >= WRITERS || alone && !writing.isEmpty()) {
            finish(writing.removeFirst());
        }
        List<CityRow> rows = List.copyOf(batch);
        writing.addLast(new Writing(executor.submit(() -> flushCities(rows, report, user)), Set.copyOf(ids)));
        batch.clear();
        ids.clear();
        if (alone) {
            finishAll(writing);
        }
    }

    private static void finishAll(Deque<Writing> writing) {
        while (!writing.isEmpty()) {
            finish(writing.removeFirst());
        }
    }

    private static void finish(Writing batch) {
        try {
            batch.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // the mapper turns a database failure into its problem
            }
            throw new IllegalStateException("A batch of the import failed", e.getCause());
        }
    }

    private CityRow cityRow(CsvReader.Row row, Map<String, Integer> columns, ImportReport report) {
        String name = row.field(columns.get("city"));
        String country = row.field(columns.get("iso2")).toUpperCase(Locale.ROOT);
        if (!CityRules.isName(name)) {
            report.malformed(row, "city must be a name of 1 to 200 characters");
            return null;
        }
        if (!CityRules.isCountryCode(country)) {
            report.malformed(row, "iso2 '" + country + "' is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
        String ascii = row.field(columns.get("city_ascii"));
        if (!CityRules.isName(ascii) || !CityRules.isAsciiText(ascii)) {
            ascii = AsciiNames.of(name).orElse(null);
            if (ascii == null) {
                report.malformed(row, "city_ascii is required: city has no letters to transliterate to ASCII");
                return null;
            }
        }
        Double lat;
        Double lon;
        Long population;
        try {
            lat = number(row.field(columns.get("lat")));
            lon = number(row.field(columns.get("lng")));
            Double people = number(row.field(columns.get("population")));
            population = people == null ? null : Math.round(people);
        } catch (NumberFormatException e) {
            report.malformed(row, "lat, lng and population must be numbers");
            return null;
        }
        if ((lat == null) != (lon == null) || lat != null && (Math.abs(lat) > 90 || Math.abs(lon) > 180)) {
            report.malformed(row, "lat must be from -90 to 90 and lng from -180 to 180, both or neither");
            return null;
        }
        if (population != null && (population < 0 || population > 100_000_000)) {
            report.malformed(row, "population must be from 0 to 100,000,000");
            return null;
        }
        String id = row.field(columns.get("id"));
        if (!id.isEmpty() && !id.matches("[0-9]{1,12}")) {
            report.malformed(row, "id must be a simplemaps id of 1 to 12 digits");
            return null;
        }
        Integer regionColumn = columns.get("admin_name");
        String region = regionColumn == null ? "" : row.field(regionColumn);
        return new CityRow(row, name, ascii, country, region.isEmpty() ? null : truncate(region), lat, lon, population,
                id.isEmpty() ? null : id);
    }

    private void flushCities(List<CityRow> batch, ImportReport report, String user) {
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

    private ImportReportDto importMemberships(CsvReader reader, Map<String, Integer> columns, String user) {
        ImportReport report = new ImportReport("UNESCO Creative Cities memberships");
        Integer countryColumn = columns.containsKey("iso2") ? columns.get("iso2") : columns.get("country_code");
        List<MembershipRow> batch = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            report.line();
            if (row.unreadable() != null) {
                report.malformed(row, row.unreadable());
                continue;
            }
            String name = row.field(columns.get("city"));
            String field = FIELDS.get(row.field(columns.get("creative_field")).toLowerCase(Locale.ROOT).replace('_', ' '));
            String country = countryColumn == null ? "" : row.field(countryColumn).toUpperCase(Locale.ROOT);
            if (name.isEmpty() || field == null) {
                report.malformed(row, "needs a city and a creative_field (one of the seven UNESCO fields)");
            } else if (country.isEmpty()) {
                report.unmatched(row, "no country (iso2) for " + name + ": a city is never matched on its name alone");
            } else if (!CityRules.isCountryCode(country)) {
                report.malformed(row, "iso2 '" + country + "' is not an ISO 3166-1 alpha-2 country code");
            } else {
                batch.add(new MembershipRow(row, name, country, field));
                if (batch.size() == BATCH) {
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
            // The city of that name in that country (the most populous, if the country has several).
            Map<Integer, UUID> cities = new HashMap<>();
            try (PreparedStatement find = connection.prepareStatement("""
                    SELECT r.i, (SELECT c.id FROM city c WHERE c.country_code = r.country
                                    AND c.sort_name = citylinks_normalize(r.name)
                                  ORDER BY c.population DESC NULLS LAST, c.id LIMIT 1)
                      FROM unnest(?::int[], ?::text[], ?::text[]) AS r(i, name, country)
                    """)) {
                find.setArray(1, array(connection, "int4", range(batch.size())));
                find.setArray(2, array(connection, "text", batch.stream().map(m -> AsciiNames.of(m.name()).orElse(m.name())).toArray()));
                find.setArray(3, array(connection, "text", batch.stream().map(MembershipRow::country).toArray()));
                try (ResultSet result = find.executeQuery()) {
                    while (result.next()) {
                        UUID id = result.getObject(2, UUID.class);
                        if (id != null) {
                            cities.put(result.getInt(1), id);
                        }
                    }
                }
            }
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
                    SELECT (SELECT count(*) FROM added), (SELECT count(*) FROM changed)
                    """)) {
                insert.setArray(1, array(connection, "uuid", ids.toArray()));
                insert.setArray(2, array(connection, "text", fields.toArray()));
                insert.setString(3, user);
                long created;
                try (ResultSet counts = insert.executeQuery()) {
                    counts.next();
                    created = counts.getLong(1);
                }
                report.created(created);
                report.unchanged(ids.size() - created);
            }
        }));
        batch.clear();
        report.progress();
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    private static Object[] range(int size) {
        Object[] numbers = new Object[size];
        for (int i = 0; i < size; i++) {
            numbers[i] = i;
        }
        return numbers;
    }

    private static Double number(String text) {
        if (text.isEmpty()) {
            return null;
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(text);
        }
        return value;
    }

    private static String truncate(String text) {
        // By characters, so that a cut never splits a character written as two UTF-16 units.
        return text.codePointCount(0, text.length()) > CityRules.MAX_TEXT
                ? text.substring(0, text.offsetByCodePoints(0, CityRules.MAX_TEXT)) : text;
    }
}
