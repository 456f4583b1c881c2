package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 as the shared data files use it. */
class CsvReaderTest {

    private static CsvReader reader(String text) {
        return new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        try (CsvReader csv = reader("\uFEFFcity,note\r\n\"Santa Fe, NM\",\"say \"\"hi\"\"\"\n\nX,\"two\nlines\"\nlast,\n")) {
            assertEquals(List.of("city", "note"), csv.next().fields());
            CsvReader.Row santaFe = csv.next();
            assertEquals(2, santaFe.line());
            assertEquals(List.of("Santa Fe, NM", "say \"hi\""), santaFe.fields());
            CsvReader.Row twoLines = csv.next();
            assertEquals(4, twoLines.line()); // line 3 is blank
            assertEquals(List.of("X", "two\nlines"), twoLines.fields());
            CsvReader.Row last = csv.next();
            assertEquals(6, last.line());
            assertEquals(List.of("last", ""), last.fields());
            assertNull(csv.next());
        }
    }
}
