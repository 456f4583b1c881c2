package org.citylinks.city;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.citylinks.api.model.AlternateNameDto;
import org.citylinks.api.model.ImportReportDto;
import org.citylinks.common.CountryCodes;
import org.citylinks.common.CsvReader;
import org.citylinks.common.ImportReport;
import org.citylinks.common.ProblemException;
import org.citylinks.common.Utf8Lines;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports GeoNames' tab-separated dumps (no header; GeoNames' own layouts): the cities dumps
 * ({@code cities15000.txt}, {@code cities5000.txt}: 19 columns, with {@code alternatenames}) and
 * {@code alternateNamesV2.txt} (10 columns, each name with its language). A city of the dump is
 * matched by its GeoNames id, else by one of its names in the same country within
 * {@value #MATCH_KM} km; a match gains the names it lacks (and the GeoNames id), otherwise the city
 * is created. An alternate name is matched by GeoNames id only. Lines are read as a stream, each
 * strictly as UTF-8, and every line that cannot be used is reported by its number.
 */
@ApplicationScoped
public class GeoNamesImport {

    static final int MATCH_KM = 30;
    private static final int BATCH = 500;
    private static final int MAX_NAMES = 500;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    /** GeoNames' "languages" that are not languages: links, codes and abbreviations. */
    private static final Set<String> NOT_NAMES = Set.of("link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid");

    @Inject
    EntityManager entityManager;

    /** Whether the stream starts as a GeoNames dump: a line of tab-separated fields whose first is a GeoNames id. */
    public static boolean looksLikeGeoNames(BufferedInputStream input) {
        input.mark(8192);
        try {
            byte[] start = input.readNBytes(4096);
            String text = new String(start, StandardCharsets.UTF_8);
            int tab = text.indexOf('\t');
            return tab > 0 && text.substring(0, tab).chars().allMatch(Character::isDigit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                input.reset();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public ImportReportDto run(InputStream input, String user) {
        ImportReport report = new ImportReport("GeoNames");
        List<CsvReader.Row> batch = new ArrayList<>();
        Boolean citiesDump = null;
        long line = 0;
        try (Utf8Lines lines = new Utf8Lines(input)) {
            for (Utf8Lines.Line text = lines.next(); text != null; text = lines.next()) {
                line++;
                CsvReader.Row row = new CsvReader.Row(line, text.text(), List.of(text.text().split("\t", -1)),
                        text.utf8() ? null : Utf8Lines.NOT_UTF8);
                if (row.text().isEmpty()) {
                    report.line();
                    continue;
                }
                if (citiesDump == null && row.unreadable() == null) {
                    int columns = row.fields().size();
                    if (columns != 19 && columns != 10 && columns != 8) {
                        throw ProblemException.invalidParameter("body", "is neither GeoNames layout: its first line has "
                                + columns + " tab-separated fields, not 19 (cities15000.txt) or 10 (alternateNamesV2.txt)");
                    }
                    citiesDump = columns == 19;
                }
                if (!report.readable(row)) {
                    continue;
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    write(batch, citiesDump, report, user);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (citiesDump == null && batch.isEmpty() && line == 0) {
            throw ProblemException.invalidParameter("body", "is empty; send a GeoNames dump");
        }
        if (!batch.isEmpty()) {
            write(batch, citiesDump != null && citiesDump, report, user);
        }
        ImportReport.tidy(entityManager, ImportReport.ImportedTable.CITY);
        return report.toDto();
    }

    private void write(List<CsvReader.Row> batch, boolean citiesDump, ImportReport report, String user) {
        List<CsvReader.Row> rows = List.copyOf(batch);
        batch.clear();
        QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
            for (CsvReader.Row row : rows) {
                if (citiesDump) {
                    city(connection, row, report, user);
                } else {
                    alternateName(connection, row, report, user);
                }
            }
        }));
        report.progress();
    }

    private static void city(Connection connection, CsvReader.Row row, ImportReport report, String user) throws SQLException {
        if (row.fields().size() != 19) {
            report.malformed(row, "has " + row.fields().size() + " tab-separated fields, not the 19 of a GeoNames cities dump");
            return;
        }
        String geonamesId = row.field(0);
        String name = row.field(1);
        String ascii = row.field(2);
        String country = row.field(8);
        if (!geonamesId.matches("[0-9]{1,12}") || !CityRules.isName(name)) {
            report.malformed(row, "needs a geonameid and a name of 1 to 200 characters");
            return;
        }
        if (!"P".equals(row.field(6))) {
            report.unmatched(row, "feature class '" + row.field(6) + "' is not a populated place (P)");
            return;
        }
        if (!CountryCodes.isKnown(country)) {
            report.malformed(row, "country code '" + country + "' " + CountryCodes.NOT_KNOWN);
            return;
        }
        Double lat = decimal(row.field(4), -90, 90);
        Double lon = decimal(row.field(5), -180, 180);
        if (lat == null || lon == null) {
            report.malformed(row, "latitude and longitude must be decimal degrees");
            return;
        }
        Long population = row.field(14).matches("[0-9]{1,12}") ? Long.valueOf(row.field(14)) : null;
        List<AlternateNameDto> names = new ArrayList<>();
        names.add(new AlternateNameDto().name(name));
        if (CityRules.isName(ascii)) {
            names.add(new AlternateNameDto().name(ascii));
        }
        for (String alternate : row.field(3).split(",")) {
            if (CityRules.isName(alternate) && !alternate.isBlank()) {
                names.add(new AlternateNameDto().name(alternate.strip()));
            }
        }
        Existing existing = findByGeoNamesId(connection, geonamesId);
        if (existing == null) {
            existing = findByNameNearby(connection, country, names, lat, lon);
        }
        if (existing == null) {
            String asciiName = CityRules.isName(ascii) && CityRules.isAsciiText(ascii) ? ascii : AsciiNames.of(name).orElse(null);
            if (asciiName == null) {
                report.malformed(row, "has no ASCII name and its name has no letters to transliterate");
                return;
            }
            List<AlternateNameDto> alternates = merge(List.of(), names, name, asciiName);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO city (id, name, ascii_name, country_code, lat, lon, population, geonames_id, alternate_names,
                                      version, created_at, updated_at, created_by, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), 0, now(), now(), ?, ?)""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, name);
                insert.setString(3, asciiName);
                insert.setString(4, country);
                insert.setDouble(5, lat);
                insert.setDouble(6, lon);
                insert.setObject(7, population);
                insert.setString(8, geonamesId);
                insert.setString(9, AlternateNames.write(alternates));
                insert.setString(10, user);
                insert.setString(11, user);
                insert.executeUpdate();
            }
            report.created(1);
            return;
        }
        List<AlternateNameDto> merged = merge(existing.names(), names, existing.name(), existing.asciiName());
        boolean newId = existing.geonamesId() == null;
        if (merged.equals(existing.names()) && !newId) {
            report.unchanged(1);
            return;
        }
        update(connection, existing.id(), merged, newId ? geonamesId : null, user);
        report.updated(1);
    }

    private static void alternateName(Connection connection, CsvReader.Row row, ImportReport report, String user)
            throws SQLException {
        if (row.fields().size() != 10 && row.fields().size() != 8) {
            report.malformed(row, "has " + row.fields().size() + " tab-separated fields, not the 10 of alternateNamesV2.txt");
            return;
        }
        String geonamesId = row.field(1);
        String language = row.field(2);
        String name = row.field(3).strip();
        if (NOT_NAMES.contains(language) || language.startsWith("fr_")) {
            report.unchanged(1); // a link, a code or a postal code: not a name
            return;
        }
        if (!geonamesId.matches("[0-9]{1,12}") || !CityRules.isName(name)) {
            report.malformed(row, "needs a geonameid and a name of 1 to 200 characters");
            return;
        }
        Existing existing = findByGeoNamesId(connection, geonamesId);
        if (existing == null) {
            report.unmatched(row, "no city has GeoNames id " + geonamesId);
            return;
        }
        String tag = LANGUAGE.matcher(language).matches() ? language : null;
        List<AlternateNameDto> merged = merge(existing.names(), List.of(new AlternateNameDto().name(name).language(tag)),
                existing.name(), existing.asciiName());
        if (merged.equals(existing.names())) {
            report.unchanged(1);
            return;
        }
        update(connection, existing.id(), merged, null, user);
        report.updated(1);
    }

    /**
     * The names a city has, with those it gains: a name it already has (in that language, or with
     * no language when one is now known) is not listed twice, nor its own name and ASCII name.
     */
    static List<AlternateNameDto> merge(List<AlternateNameDto> current, List<AlternateNameDto> added, String name,
            String asciiName) {
        Map<String, AlternateNameDto> byKey = new LinkedHashMap<>();
        for (AlternateNameDto alternate : current) {
            byKey.put(alternate.getLanguage() + "\u0000" + alternate.getName(), alternate);
        }
        for (AlternateNameDto alternate : added) {
            String text = alternate.getName();
            if (text.equals(name) || text.equals(asciiName) || byKey.size() >= MAX_NAMES) {
                continue;
            }
            if (alternate.getLanguage() == null) {
                boolean known = byKey.values().stream().anyMatch(existing -> existing.getName().equals(text));
                if (!known) {
                    byKey.put("null\u0000" + text, alternate);
                }
            } else {
                byKey.remove("null\u0000" + text);
                byKey.putIfAbsent(alternate.getLanguage() + "\u0000" + text, alternate);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private record Existing(UUID id, String name, String asciiName, String geonamesId, List<AlternateNameDto> names) {
    }

    private static Existing findByGeoNamesId(Connection connection, String geonamesId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name, ascii_name, geonames_id,"
                + " CAST(alternate_names AS text) FROM city WHERE geonames_id = ? FOR UPDATE")) {
            select.setString(1, geonamesId);
            return existing(select);
        }
    }

    /** The nearest city of the country within MATCH_KM that has one of these names. */
    private static Existing findByNameNearby(Connection connection, String country, List<AlternateNameDto> names,
            double lat, double lon) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, name, ascii_name, geonames_id, CAST(alternate_names AS text) FROM city
                 WHERE country_code = ? AND geonames_id IS NULL
                   AND match_names && ARRAY(SELECT citylinks_normalize(n) FROM unnest(CAST(? AS text[])) AS n)
                   AND earth_point IS NOT NULL
                   AND sec_to_gc(cube_distance(earth_point, ll_to_earth(?, ?))) <= ?
                 ORDER BY cube_distance(earth_point, ll_to_earth(?, ?)) LIMIT 1 FOR UPDATE""")) {
            select.setString(1, country);
            select.setArray(2, connection.createArrayOf("text", names.stream().map(AlternateNameDto::getName).toArray()));
            select.setDouble(3, lat);
            select.setDouble(4, lon);
            select.setDouble(5, MATCH_KM * 1000.0);
            select.setDouble(6, lat);
            select.setDouble(7, lon);
            return existing(select);
        }
    }

    private static Existing existing(PreparedStatement select) throws SQLException {
        try (ResultSet found = select.executeQuery()) {
            if (!found.next()) {
                return null;
            }
            return new Existing(found.getObject(1, UUID.class), found.getString(2), found.getString(3), found.getString(4),
                    AlternateNames.read(found.getString(5)));
        }
    }

    private static void update(Connection connection, UUID id, List<AlternateNameDto> names, String geonamesId, String user)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE city SET alternate_names = CAST(? AS jsonb),"
                + " geonames_id = coalesce(geonames_id, ?), version = version + 1, updated_at = now(), updated_by = ?"
                + " WHERE id = ?")) {
            update.setString(1, AlternateNames.write(names));
            update.setString(2, geonamesId);
            update.setString(3, user);
            update.setObject(4, id);
            update.executeUpdate();
        }
    }

    private static Double decimal(String text, double min, double max) {
        try {
            double value = Double.parseDouble(text);
            return value >= min && value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
