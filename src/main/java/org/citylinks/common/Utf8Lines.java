package org.citylinks.common;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a stream (LF or CRLF), each decoded strictly as UTF-8, so that an import can name
 * the one line whose bytes are not UTF-8 instead of failing whole or storing replacement
 * characters. The CSV reader and the GeoNames import read through it.
 */
public final class Utf8Lines implements AutoCloseable {

    /** What an import says of a line whose bytes are not UTF-8. */
    public static final String NOT_UTF8 = "is not valid UTF-8 text (the file must be UTF-8; this line has bytes that are not)";

    /** A line without its break: its text (bytes that are not UTF-8 shown as U+FFFD), and whether it decoded. */
    public record Line(String text, boolean utf8) {
    }

    private final InputStream input;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    public Utf8Lines(InputStream input) {
        this.input = input instanceof BufferedInputStream ? input : new BufferedInputStream(input, 64 * 1024);
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        bytes.reset();
        int b = input.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            bytes.write(b);
            b = input.read();
        }
        byte[] line = bytes.toByteArray();
        int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        try {
            return new Line(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, length)).toString(), true);
        } catch (CharacterCodingException e) {
            return new Line(new String(line, 0, length, StandardCharsets.UTF_8), false);
        }
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
