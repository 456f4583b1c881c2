package org.citylinks.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;


import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a JSON body over {@code citylinks.limits.json-body-size} from its {@code Content-Length},
 * before a byte of it is read, with the same problem body as every other error; a JSON body without a
 * length is refused (411). CSV imports stream, up to {@code quarkus.http.limits.max-body-size}.
 */
@Singleton
public class OversizedBodies {

    /** The limit of JSON bodies; CSV imports ({@code /import}) may be as large as the HTTP layer takes. */
    private final long limit;

    OversizedBodies(LimitSettings limits) {
        this.limit = limits.jsonBodySize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        boolean importing = context.request().path().endsWith("/import");
        if (length == null && !importing && "chunked".equalsIgnoreCase(context.request().getHeader("Transfer-Encoding"))) {
            // A JSON body of unknown length could only be cut off once it had been read in full.
            context.response().setStatusCode(411)
                    .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON.toString())
                    .putHeader("Connection", "close")
                    .end(ProblemMapper.json(ProblemType.LENGTH_REQUIRED,
                            "Send JSON bodies with a Content-Length (CSV imports may be chunked).", context.request().path()));
            return;
        }
        if (length != null && !importing && isOver(length)) {
            context.response().setStatusCode(413)
                    .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON.toString())
                    .putHeader("Connection", "close")
                    .end(ProblemMapper.json(ProblemType.PAYLOAD_TOO_LARGE,
                            "The request body is larger than " + limit + " bytes.", context.request().path()));
            return;
        }
        context.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }
}
