package org.citylinks.city;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.citylinks.api.model.ImportReportDto;
import org.citylinks.city.CityImportRows.CityRow;
import org.citylinks.common.CsvReader;
import org.citylinks.common.ImportReport;
import org.citylinks.common.ProblemException;

/**
 * Imports cities (simplemaps World Cities) or UNESCO Creative Cities memberships from CSV, read as
 * a stream: the header says which; a GeoNames dump (tab-separated, no header) goes to
 * {@link GeoNamesImport}. Cities are checked by {@link CityImportRows} and written in
 * batches of {@value #BATCH} rows by {@link CityUpserts}, {@value #WRITERS} at once
 * ({@link ConcurrentBatches}); memberships by {@link MembershipImport}.
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

    @Inject
    EntityManager entityManager;

    @Inject
    CityUpserts upserts;

    @Inject
    MembershipImport memberships;

    @Inject
    GeoNamesImport geoNames;

    public ImportReportDto run(InputStream body, String user) {
        java.io.BufferedInputStream input = new java.io.BufferedInputStream(body, 65536);
        if (GeoNamesImport.looksLikeGeoNames(input)) {
            return geoNames.run(input, user);
        }
        try (CsvReader reader = new CsvReader(input)) {
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
                ImportReport.tidy(entityManager, ImportReport.ImportedTable.CITY);
                return report;
            }
            if (columns.keySet().containsAll(List.of("city", "creative_field"))) {
                return memberships.run(reader, columns, user);
            }
            throw ProblemException.invalidParameter("body", "has a header of neither layout: expected"
                    + " city,city_ascii,lat,lng,country,iso2,iso3,admin_name,capital,population,id"
                    + " or city,creative_field,link,iso2");
        }
    }

    private ImportReportDto importCities(CsvReader reader, Map<String, Integer> columns, String user) {
        ImportReport report = new ImportReport("cities");
        try (ConcurrentBatches writers = new ConcurrentBatches(WRITERS)) {
            List<CityRow> batch = new ArrayList<>();
            Set<String> idsInBatch = new HashSet<>();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (!report.readable(row)) {
                    continue;
                }
                CityRow city = CityImportRows.city(row, columns, report);
                if (city == null) {
                    continue;
                }
                String id = city.simplemapsId();
                if (id != null && writers.inFlight(id)) {
                    writers.finishAll(); // a later line for the same city must win, so it waits for the earlier
                }
                if (id != null && !idsInBatch.add(id)) {
                    submit(writers, batch, idsInBatch, report, user); // one statement cannot upsert an id twice
                    writers.finishAll();
                    idsInBatch.add(id);
                }
                batch.add(city);
                if (batch.size() == BATCH) {
                    submit(writers, batch, idsInBatch, report, user);
                }
            }
            submit(writers, batch, idsInBatch, report, user);
            writers.finishAll();
        }
        return report.toDto();
    }

    /** Hands the batch to a writer and starts the next; rows matched on name and country are written alone. */
    private void submit(ConcurrentBatches writers, List<CityRow> batch, Set<String> ids, ImportReport report,
            String user) {
        if (batch.isEmpty()) {
            return;
        }
        List<CityRow> rows = List.copyOf(batch);
        boolean alone = rows.stream().anyMatch(city -> city.simplemapsId() == null);
        writers.submit(() -> upserts.write(rows, report, user), ids, alone);
        batch.clear();
        ids.clear();
    }
}
