package org.citylinks.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * A JSON body is UTF-8 text (RFC 8259 8.1), checked before it is parsed: bytes that are not UTF-8
 * (an overlong {@code C0 AF} that a lenient decoder reads as {@code /}, a stray continuation byte),
 * a byte order mark, and a UTF-16 or UTF-32 body (recognised by its zero bytes, which no UTF-8 JSON
 * text holds) are a 400, so that nothing is decoded into something else than was sent. JSON bodies
 * are bounded (1 MiB, {@link OversizedBodies}), so reading one whole here costs one copy.
 */
@Provider
public class StrictJsonText implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        String problem = problem(body);
        if (problem != null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The request body " + problem + ".",
                    List.of(Problem.FieldError.atPointer("", problem)));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** What is wrong with the body's bytes as UTF-8 JSON text, or null. */
    static String problem(byte[] body) {
        if (body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
            return "must be UTF-8, not UTF-16";
        }
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return "must not start with a byte order mark";
        }
        for (byte b : body) {
            if (b == 0) {
                return "must be UTF-8 text without zero bytes (UTF-16 and UTF-32 are not taken)";
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return null;
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8";
        }
    }
}
