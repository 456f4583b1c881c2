package org.citylinks.docs;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * The static API reference at {@code /docs}: Redoc rendered from the contract at build time
 * ({@code openapi/tools.sh docs}) into {@code META-INF/resources/docs/index.html}, which Quarkus
 * serves as {@code /docs/}. This only sends {@code /docs} there, so the page's own relative
 * links resolve under {@code /docs/}.
 */
@Singleton
public class ApiReference {

    void register(@Observes Router router) {
        // Vert.x matches "/docs/" to this path too; that one is the page itself.
        router.get("/docs").handler(context -> {
            if (context.request().path().endsWith("/")) {
                context.next();
            } else {
                context.response().setStatusCode(301).putHeader("Location", "/docs/").end();
            }
        });
    }
}
