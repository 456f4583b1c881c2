package org.citylinks.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Cache-Control} on every answer. The directory is public: a successful read sent without a
 * token may be kept by shared caches and CDNs for {@code citylinks.http.public-cache-max-age}
 * seconds, then revalidated with its ETag, and {@code Vary} names the request headers the answer
 * depends on. An answer to a request with a token stays private, and an error is never stored.
 */
@Singleton
public class CachePolicy {

    private final int publicMaxAge;

    CachePolicy(HttpSettings settings) {
        this.publicMaxAge = SettingsCheck.atLeast("citylinks.http.public-cache-max-age", settings.publicCacheMaxAge(), 0);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            var response = context.response();
            int status = response.getStatusCode();
            var request = context.request();
            boolean read = ReadRequest.isRead(request.method());
            boolean anonymous = request.getHeader(HttpHeaders.AUTHORIZATION) == null;
            String path = request.path() == null ? "" : request.path();
            boolean publicPath = path.startsWith("/v1/") || path.equals("/q/openapi") || path.startsWith("/docs");
            String policy;
            if (status >= 400) {
                policy = "no-store";
            } else if (read && anonymous && publicPath && (status == 200 || status == 304) && publicMaxAge > 0) {
                policy = "public, max-age=" + publicMaxAge;
                addVary(response.headers(), "Authorization, Accept");
            } else {
                policy = "private, no-cache";
            }
            response.headers().set(HttpHeaders.CACHE_CONTROL, policy);
        });
        context.next();
    }

    /**
     * Adds names to the answer's one {@code Vary} line, whichever of this and
     * {@link ResponseCompression} comes first (some caches read only the first line).
     */
    static void addVary(MultiMap headers, String names) {
        String vary = String.join(", ", headers.getAll(HttpHeaders.VARY));
        headers.set(HttpHeaders.VARY, vary.isEmpty() ? names : vary + ", " + names);
    }
}
