package org.citylinks.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body over {@code quarkus.http.limits.max-body-size} from its {@code Content-Length},
 * before a byte of it is read, with the same problem body as every other error. (A chunked body
 * without a length is still cut off at the limit by the HTTP layer, with a bare 413.)
 */
@Singleton
public class OversizedBodies {

    private final long limit = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
            .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
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
