package org.citylinks.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The request line and headers, judged before anything decodes them, so that each refusal is a
 * problem that names the part (the HTTP codec's own refusals have no body):
 * <ul>
 * <li>a request target longer than {@value #MAX_TARGET_LENGTH} characters is a 414, a header
 * block larger than {@value #MAX_HEADER_BYTES} bytes a 431; the codec's own ceilings
 * ({@code quarkus.http.limits.*}) sit above these, so that only a request far beyond them meets
 * the codec's empty answer;</li>
 * <li>a path or query parameter whose percent-escapes are malformed ({@code %zz}), whose bytes
 * are not UTF-8 (overlong forms and lone surrogates included) or that holds a control character
 * is a 400: such text would otherwise be decoded with replacement characters, and a search for
 * what the client did not write answered as if it had.</li>
 * </ul>
 */
@Singleton
public class RequestTarget {

    /** RFC 9110 section 4.1 asks for at least 8,000 octets; the longest search the contract allows fits. */
    static final int MAX_TARGET_LENGTH = 8192;
    static final int MAX_HEADER_BYTES = 32 * 1024;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
        // What the router itself refuses (a path it cannot normalise) still gets a problem.
        router.errorHandler(400, context -> {
            if (!context.response().ended()) {
                refuse(context, 400, "The request cannot be read.", null);
            }
        });
    }

    private void check(RoutingContext context) {
        var request = context.request();
        String target = request.uri();
        if (target.length() > MAX_TARGET_LENGTH) {
            refuse(context, 414, "The request target is " + target.length() + " characters long; at most "
                    + MAX_TARGET_LENGTH + " are read.", null);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            refuse(context, 431, "The request's headers take " + headerBytes + " bytes; at most "
                    + MAX_HEADER_BYTES + " are read.", null);
            return;
        }
        int queryStart = target.indexOf('?');
        Decoded path = Decoded.of(queryStart < 0 ? target : target.substring(0, queryStart), false);
        if (path.problem() != null) {
            refuse(context, 400, "The request path " + path.problem() + ".", null);
            return;
        }
        if (queryStart >= 0) {
            for (String pair : target.substring(queryStart + 1).split("&")) {
                int equals = pair.indexOf('=');
                Decoded name = Decoded.of(equals < 0 ? pair : pair.substring(0, equals), true);
                if (name.problem() != null) {
                    refuse(context, 400, "A query parameter's name " + name.problem() + ".", null);
                    return;
                }
                Decoded value = equals < 0 ? Decoded.EMPTY : Decoded.of(pair.substring(equals + 1), true);
                if (value.problem() != null) {
                    refuse(context, 400, name.text() + " " + value.problem() + ".",
                            Problem.FieldError.atParameter(name.text(), value.problem()));
                    return;
                }
            }
        }
        context.next();
    }

    /** A path or query part, percent-decoded as UTF-8 text, or why it cannot be. */
    record Decoded(String text, String problem) {

        static final Decoded EMPTY = new Decoded("", null);

        static Decoded of(String raw, boolean query) {
            if (raw.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '%')) {
                // Nearly every request: plain ASCII without escapes has nothing to decode or refuse.
                return new Decoded(query ? raw.replace('+', ' ') : raw, null);
            }
            String text;
            try {
                text = decode(raw, query);
            } catch (IllegalArgumentException e) {
                return new Decoded(null, "has a malformed percent-escape (% must be followed by two hexadecimal digits)");
            } catch (CharacterCodingException e) {
                return new Decoded(null, "is not valid UTF-8 once its percent-escapes are decoded");
            }
            if (text.codePoints().anyMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))) {
                return new Decoded(null, "holds a control character");
            }
            return new Decoded(text, null);
        }
    }

    private static String decode(String raw, boolean query) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("not hexadecimal");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                bytes.write(c); // the codec hands the target over as ISO-8859-1: one char, one byte
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }

    private static void refuse(RoutingContext context, int status, String detail, Problem.FieldError error) {
        String path = context.request().path();
        String instance = path == null || path.length() > 2048 || Decoded.of(path, false).problem() != null ? null : path;
        ProblemType type = switch (status) {
            case 414 -> ProblemType.URI_TOO_LONG;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            default -> ProblemType.INVALID_REQUEST;
        };
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON.toString())
                .end(ProblemMapper.json(type, detail, instance, error == null ? List.of() : List.of(error)));
    }
}
