package org.citylinks.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citylinks.api.model.ImportReportDto;
import org.citylinks.common.CsvReader;
import org.citylinks.common.ImportReport;
import org.junit.jupiter.api.Test;

/** The import's row checks, without a database: what a World Cities or Creative Cities line becomes. */
class CityImportRowsTest {

    private static final String HEADER = "city,city_ascii,lat,lng,country,iso2,iso3,admin_name,capital,population,id";

    private static List<CsvReader.Row> rows(String csv) {
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            List<CsvReader.Row> rows = new java.util.ArrayList<>();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            return rows;
        }
    }

    private static Map<String, Integer> columns(CsvReader.Row header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.put(header.field(i), i);
        }
        return columns;
    }

    @Test
    void aWorldCitiesLineBecomesACityOrIsReportedByItsLine() {
        List<CsvReader.Row> rows = rows(HEADER + "\n"
                + "Pekalongan,Pekalongan,-6.8886,109.6753,Indonesia,ID,IDN,Jawa Tengah,,307150,1360000001\n"
                + "Ich\u2019\u014Fn,,37.2792,127.4425,Korea South,KR,KOR,Gyeonggi,,,1410000001\n"
                + "Nowhere,Nowhere,91,0,Nowhere,ID,IDN,,,,1360000002\n"
                + "Atlantis,Atlantis,1,1,Atlantis,ZZ,ZZZ,,,,1360000003\n"
                + "Pristina,Pristina,42.6633,21.1622,Kosovo,XK,XKS,Prishtin\u00EB,primary,161751,1901760068\n");
        Map<String, Integer> columns = columns(rows.get(0));
        ImportReport report = new ImportReport("cities");
        CityImportRows.CityRow pekalongan = CityImportRows.city(rows.get(1), columns, report);
        assertEquals("Jawa Tengah", pekalongan.region());
        assertEquals(307150L, pekalongan.population());
        assertEquals("Ich'on", CityImportRows.city(rows.get(2), columns, report).ascii(), "derived when left empty");
        assertNull(CityImportRows.city(rows.get(3), columns, report));
        assertNull(CityImportRows.city(rows.get(4), columns, report));
        assertEquals("XK", CityImportRows.city(rows.get(5), columns, report).country(), "Kosovo's cities are kept");
        ImportReportDto reported = report.toDto();
        assertEquals(2L, reported.getMalformed());
        assertEquals(List.of(4L, 5L), reported.getProblems().stream().map(p -> p.getLine()).toList());
    }

    @Test
    void aCreativeCitiesLineNeedsAFieldAndACountry() {
        List<CsvReader.Row> rows = rows("city,creative_field,link,iso2\nAmbon,Music,,ID\nMetz,Music,,\nIcheon,Pottery,,KR\n");
        Map<String, Integer> columns = columns(rows.get(0));
        ImportReport report = new ImportReport("memberships");
        assertEquals("MUSIC", CityImportRows.membership(rows.get(1), columns, columns.get("iso2"), report).field());
        assertNull(CityImportRows.membership(rows.get(2), columns, columns.get("iso2"), report));
        assertNull(CityImportRows.membership(rows.get(3), columns, columns.get("iso2"), report));
        assertEquals(1L, report.toDto().getUnmatched());
        assertEquals(1L, report.toDto().getMalformed());
    }
}
