package org.citylinks.city;

import java.util.Locale;
import java.util.Map;

import org.citylinks.common.CsvReader;
import org.citylinks.common.ImportReport;

/**
 * The rows of the city and membership imports, checked with {@link CityRules} as the API checks a
 * city: a row that breaks a rule is reported by its line and gives no record.
 */
final class CityImportRows {

    static final Map<String, String> FIELDS = Map.of(
            "crafts and folk art", "CRAFTS_AND_FOLK_ART", "design", "DESIGN", "film", "FILM",
            "gastronomy", "GASTRONOMY", "literature", "LITERATURE", "media arts", "MEDIA_ARTS", "music", "MUSIC");

    /** A city row, checked. */
    record CityRow(CsvReader.Row source, String name, String ascii, String country, String region,
            Double lat, Double lon, Long population, String simplemapsId) {
    }

    /** A membership row, checked. */
    record MembershipRow(CsvReader.Row source, String name, String country, String field) {
    }

    private CityImportRows() {
    }

    /** The checked city of a World Cities row, or null (reported) when it breaks a rule. */
    static CityRow city(CsvReader.Row row, Map<String, Integer> columns, ImportReport report) {
        String name = row.field(columns.get("city"));
        String country = row.field(columns.get("iso2")).toUpperCase(Locale.ROOT);
        if (!CityRules.isName(name)) {
            report.malformed(row, "city must be a name of 1 to 200 characters");
            return null;
        }
        if (!CityRules.isCountryCode(country)) {
            report.malformed(row, "iso2 '" + country + "' " + org.citylinks.common.CountryCodes.NOT_KNOWN);
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

    /** The checked membership of a Creative Cities row, or null (reported) when it has none. */
    static MembershipRow membership(CsvReader.Row row, Map<String, Integer> columns, Integer countryColumn,
            ImportReport report) {
        String name = row.field(columns.get("city"));
        String field = FIELDS.get(row.field(columns.get("creative_field")).toLowerCase(Locale.ROOT).replace('_', ' '));
        String country = countryColumn == null ? "" : row.field(countryColumn).toUpperCase(Locale.ROOT);
        if (name.isEmpty() || field == null) {
            report.malformed(row, "needs a city and a creative_field (one of the seven UNESCO fields)");
        } else if (country.isEmpty()) {
            report.unmatched(row, "no country (iso2) for " + name + ": a city is never matched on its name alone");
        } else if (!CityRules.isCountryCode(country)) {
            report.malformed(row, "iso2 '" + country + "' " + org.citylinks.common.CountryCodes.NOT_KNOWN);
        } else {
            return new MembershipRow(row, name, country, field);
        }
        return null;
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
