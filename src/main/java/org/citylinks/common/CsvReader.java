package org.citylinks.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: commas, double quotes, quotes doubled inside quotes, line breaks inside
 * quotes) one record at a time from a stream, so a file of any length is never held whole. Blank
 * lines are skipped (their numbers still count). The text must be UTF-8: a record with a line that
 * is not (an invalid or overlong byte sequence, a lone surrogate) is returned with
 * {@link Row#unreadable()} saying so, for the import to report it rather than store replacement
 * characters.
 * <p>
 * Not Apache Commons CSV: it parses characters from a {@code Reader}, so the bytes are decoded
 * before it sees a line, and a line with bytes that are not UTF-8 can only fail the whole import or
 * be read with replacement characters; naming that one line (the import's contract) needs the
 * decoding per line that this reader does. Its quoting rules are those of RFC 4180 as the shared
 * data files use them ({@code CsvReaderProperties} checks a round trip).
 */
public final class CsvReader implements AutoCloseable {

    /**
     * One record: the number of the line it starts on, its text as sent (bytes that are not UTF-8
     * shown as U+FFFD), its fields, and why it cannot be read (null when it can).
     */
    public record Row(long line, String text, List<String> fields, String unreadable) {

        public String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }
    }

    private final Utf8Lines lines;
    private long lineNumber;
    private boolean unreadableLine;

    public CsvReader(InputStream input) {
        this.lines = new Utf8Lines(input);
    }

    /** The next line without its line break, or null at the end; a line that is not UTF-8 sets {@link #unreadableLine}. */
    private String readLine() throws IOException {
        Utf8Lines.Line line = lines.next();
        if (line == null) {
            return null;
        }
        unreadableLine |= !line.utf8();
        return line.text();
    }

    /** The next record, or null at the end. */
    public Row next() {
        try {
            unreadableLine = false;
            String line = firstLineOfRecord();
            if (line == null) {
                return null;
            }
            long start = lineNumber;
            StringBuilder text = new StringBuilder(line);
            List<String> fields = fields(line, text);
            return new Row(start, text.toString(), fields, unreadableLine ? Utf8Lines.NOT_UTF8 : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line that is not blank (blank lines still count), without a leading byte-order mark. */
    private String firstLineOfRecord() throws IOException {
        String line = readLine();
        lineNumber++;
        while (line != null && line.isBlank() && !unreadableLine) { // an empty line is no record
            line = readLine();
            lineNumber++;
        }
        if (line != null && lineNumber == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1); // a byte-order mark is not part of the first field
        }
        return line;
    }

    /**
     * The fields of the record that starts with {@code line}, reading on while a quoted field holds
     * a line break; {@code text} receives each further line, so that it holds the record as sent.
     */
    private List<String> fields(String line, StringBuilder text) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                String more = quoted ? readLine() : null; // a line break inside quotes
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
            if (quoted && c == '"' && i < line.length() && line.charAt(i) == '"') {
                field.append('"'); // a doubled quote inside quotes
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
