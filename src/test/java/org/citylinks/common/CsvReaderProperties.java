package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fuzz gate over the CSV reader the imports share, with a fixed seed: records written as RFC
 * 4180 says (fields with commas, quotes and line breaks quoted) read back field for field, and a
 * record with bytes that are not UTF-8 is marked unreadable, never decoded into something else;
 * the records around it are read as they were.
 */
class CsvReaderProperties {

    @Property(seed = "20261202", tries = 1500)
    void recordsReadBackFieldForField(@ForAll("records") List<List<String>> records) {
        StringBuilder csv = new StringBuilder();
        for (List<String> record : records) {
            csv.append(String.join(",", record.stream().map(CsvReaderProperties::quoted).toList())).append("\r\n");
        }
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))) {
            for (List<String> record : records) {
                if (record.size() == 1 && record.get(0).isBlank() && !record.get(0).contains("\n")) {
                    continue; // a blank line is no record
                }
                CsvReader.Row row = reader.next();
                assertNotNull(row, "a record was lost: " + record);
                assertNull(row.unreadable());
                assertEquals(escaped(record), escaped(row.fields()), "line " + row.line());
            }
            assertNull(reader.next());
        }
    }

    @Property(seed = "20261202", tries = 1000)
    void aLineThatIsNotUtf8IsMarkedAndItsNeighboursAreRead(@ForAll("invalidSequences") byte[] invalid) {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("before,1\n".getBytes(StandardCharsets.UTF_8));
        csv.writeBytes("bad".getBytes(StandardCharsets.UTF_8));
        csv.writeBytes(invalid);
        csv.writeBytes(",2\nafter,3\n".getBytes(StandardCharsets.UTF_8));
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.toByteArray()))) {
            assertEquals(List.of("before", "1"), reader.next().fields());
            CsvReader.Row bad = reader.next();
            assertNotNull(bad.unreadable(), "read as if it were text: " + bad.text());
            assertEquals(2, bad.line());
            CsvReader.Row after = reader.next();
            assertNull(after.unreadable());
            assertEquals(List.of("after", "3"), after.fields());
            assertEquals(3, after.line());
        }
    }

    /** A record as Java source would write it, so that a failure shows line breaks and quotes. */
    private static String escaped(List<String> fields) {
        return fields.stream().map(field -> field.codePoints().mapToObj(c -> c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("<U+%04X>", c)).collect(java.util.stream.Collectors.joining())).toList().toString();
    }

    private static String quoted(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || field.startsWith("\uFEFF") || field.startsWith(" ") || field.endsWith(" ");
        return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    @Provide
    Arbitrary<List<List<String>>> records() {
        Arbitrary<String> field = Arbitraries.of("a", "Z", "e\u0301", ",", "\"", " ", "\n", "\u00e9", "\uD83C\uDFB5", ";",
                "'", "\u0627", "\u6D4E", "\"\"").list().ofMaxSize(8).map(pieces -> String.join("", pieces))
                // A reader strips fields (as the imports want) and a CR belongs to the line break.
                .filter(text -> text.equals(text.strip()) && !text.contains("\r"));
        return field.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<byte[]> invalidSequences() {
        return Arbitraries.of(
                new byte[] { (byte) 0xC0, (byte) 0xAF }, // overlong "/"
                new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF }, // overlong, three bytes
                new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, // a lone surrogate, encoded
                new byte[] { (byte) 0xFF },
                new byte[] { (byte) 0x80 },
                new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, // above U+10FFFF
                new byte[] { (byte) 0xE2, (byte) 0x82 }); // cut short
    }
}
