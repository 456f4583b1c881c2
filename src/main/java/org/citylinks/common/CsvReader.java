package org.citylinks.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: commas, double quotes, quotes doubled inside quotes, line breaks inside
 * quotes) one record at a time from a stream, so a file of any length is never held whole. Blank
 * lines are skipped (their numbers still count).
 */
public final class CsvReader implements AutoCloseable {

    /** One record: the number of the line it starts on, its text as sent, and its fields. */
    public record Row(long line, String text, List<String> fields) {

        public String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }
    }

    private final BufferedReader reader;
    private long lineNumber;

    public CsvReader(InputStream input) {
        this.reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 64 * 1024);
    }

    /** The next record, or null at the end. */
    public Row next() {
        try {
            String line = reader.readLine();
            lineNumber++;
            while (line != null && line.isBlank()) { // an empty line is no record
                line = reader.readLine();
                lineNumber++;
            }
            if (line == null) {
                return null;
            }
            long start = lineNumber;
            if (start == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark is not part of the first field
            }
            StringBuilder text = new StringBuilder(line);
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == line.length()) {
                    if (!quoted) {
                        break;
                    }
                    String more = reader.readLine(); // a line break inside quotes
                    if (more == null) {
                        break;
                    }
                    lineNumber++;
                    field.append('\n');
                    text.append('\n').append(more);
                    line = more;
                    i = 0;
                    continue;
                }
                char c = line.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return new Row(start, text.toString(), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
