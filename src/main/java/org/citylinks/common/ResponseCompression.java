package org.citylinks.common;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The size threshold and the {@code Vary} of compressed answers (README, Compression). Vert.x
 * compresses (gzip or brotli, as the client's {@code Accept-Encoding} asks) every answer of a type
 * named in {@code quarkus.http.compress-media-types}; this leaves answers under
 * {@value #THRESHOLD_BYTES} bytes as they are, where compression saves less than it costs, and tells
 * caches that answers of those types vary with {@code Accept-Encoding}.
 *
 * <p>An {@code ETag} stays the same whatever the coding: it names the state of the resource, which
 * is what {@code If-Match} and {@code If-None-Match} compare, and the API serves no byte ranges,
 * where a coding would have to change it.
 */
@Singleton
public class ResponseCompression {

    static final int THRESHOLD_BYTES = 1024;
    // The same list Vert.x compresses by, read from its setting rather than written again here.
    private final Set<String> compressedTypes;

    ResponseCompression(@ConfigProperty(name = "quarkus.http.compress-media-types") List<String> compressedTypes) {
        this.compressedTypes = Set.copyOf(compressedTypes);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        // Headers-end handlers run last-added first: this one, added before any route's, runs after
        // Quarkus's own, which clears the "identity" coding of every answer of a compressed type.
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            if (type == null || !compressedTypes.contains(baseType(type))) {
                return;
            }
            if (!varies(headers)) {
                CachePolicy.addVary(headers, "Accept-Encoding");
            }
            String length = headers.get(HttpHeaders.CONTENT_LENGTH);
            if (length != null && !headers.contains(HttpHeaders.CONTENT_ENCODING) && isSmall(length)) {
                headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
            }
        });
        context.next();
    }

    private static boolean isSmall(String length) {
        try {
            return Long.parseLong(length.trim()) < THRESHOLD_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean varies(MultiMap headers) {
        for (String vary : headers.getAll(HttpHeaders.VARY)) {
            for (String name : vary.split(",")) {
                if (name.trim().equalsIgnoreCase("Accept-Encoding") || name.trim().equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String baseType(String type) {
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
