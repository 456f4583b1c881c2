package org.citylinks.common;

import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The opaque keyset cursor: the sort-key values of the last item on a page, and a fingerprint of
 * the query (filters and order) it belongs to, so a cursor cannot be replayed against another query.
 */
public record Cursor(String query, List<String> keys) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    public String encode() {
        try {
            byte[] json = JSON.writeValueAsBytes(new Encoded(query, keys));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cursor could not be written", e);
        }
    }

    /** Reads a cursor made for {@code query}; a cursor that is damaged or made for another query is 400. */
    public static Cursor decode(String token, String query, int keyCount) {
        Encoded encoded = read(token).orElseThrow(
                () -> ProblemException.invalidParameter("cursor", "is not a cursor this service made"));
        if (!query.equals(encoded.q()) || encoded.k() == null || encoded.k().size() != keyCount) {
            throw ProblemException.invalidParameter("cursor",
                    "belongs to another query; start again without it or keep the same filters and sort");
        }
        return new Cursor(encoded.q(), encoded.k());
    }

    /** Whether {@code token} is a readable cursor made for {@code query}. */
    public static boolean madeFor(String token, String query) {
        return read(token).map(encoded -> query.equals(encoded.q())).orElse(false);
    }

    private static java.util.Optional<Encoded> read(String token) {
        try {
            return java.util.Optional.ofNullable(JSON.readValue(Base64.getUrlDecoder().decode(token), Encoded.class));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** A short fingerprint of a query's filters and order. */
    public static String fingerprint(String description) {
        return Integer.toHexString(description.hashCode()) + Integer.toHexString(description.length());
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    private record Encoded(String q, List<String> k) {
    }

}
