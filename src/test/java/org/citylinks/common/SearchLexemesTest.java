package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service makes the same lexemes of a plain text as the database does, so a search that forgives
 * typos without asking the database first still matches every word as the index holds it. Checked
 * on every name and ASCII name of the world data, and on texts the service must leave to the database.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class SearchLexemesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServiceSplitsEveryPlainNameOfTheWorldDataAsTheDatabaseDoes() throws Exception {
        List<String> names = worldNames();
        try (Connection connection = dataSource.getConnection()) {
            SearchLexemes lexemes = SearchVocabulary.checkedLexemes(connection);
            assertNotNull(lexemes, "the probes agree");
            List<List<String>> expected = databaseLexemes(connection, names);
            int plain = 0;
            for (int i = 0; i < names.size(); i++) {
                List<String> made = lexemes.of(names.get(i));
                if (made != null) {
                    plain++;
                    assertEquals(expected.get(i), made, names.get(i));
                }
            }
            // the rest (digits, dots, ’ and the like) the database splits
            assertTrue(plain > names.size() * 0.95, plain + " of " + names.size() + " names are plain");
        }
    }

    @Test
    void textTheParserMightReadAsANumberAHostOrAPathIsLeftToTheDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SearchLexemes lexemes = SearchVocabulary.checkedLexemes(connection);
            for (String text : List.of("Paris 2024", "www.metz.fr", "a/b", "ambon@example.org", "-metz", "metz-",
                    "saint--denis", "st. louis", "東京・大阪", "a & b", "x<y", "😀 Metz")) {
                assertNull(lexemes.of(text), text);
            }
            assertEquals(List.of("aix", "aix-en-provence", "en", "provence"), lexemes.of("Aix-en-Provence"));
            assertEquals(List.of("koln", "metz"), lexemes.of("  Köln, (Metz)  köln"));
        }
    }

    private static List<String> worldNames() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (CsvReader reader = new CsvReader(SearchLexemesTest.class.getResourceAsStream("/data/world-cities.csv"))) {
            reader.next();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                names.add(row.field(0));
                names.add(row.field(1));
            }
        }
        return new ArrayList<>(names);
    }

    private static List<List<String>> databaseLexemes(Connection connection, List<String> names) throws SQLException {
        List<List<String>> lexemes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT tsvector_to_array(to_tsvector('simple',"
                + " citylinks_normalize(name))) FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS names (name, position)"
                + " ORDER BY position")) {
            statement.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Array array = result.getArray(1);
                    lexemes.add(Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList());
                }
            }
        }
        return lexemes;
    }
}
