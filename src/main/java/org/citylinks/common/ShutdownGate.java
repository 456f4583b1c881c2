package org.citylinks.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses new requests once the process has been asked to stop (SIGTERM), while Quarkus lets the
 * requests in flight finish (up to {@code quarkus.shutdown.timeout}). Quarkus itself would still
 * serve new requests until its server closes; a request refused here, with a 503 and
 * {@code Connection: close}, can go to another replica instead, and readiness turns DOWN with it.
 */
@Singleton
public class ShutdownGate {

    private volatile boolean closing;

    void onStart(@Observes StartupEvent started) {
        // Shutdown hooks all start together on SIGTERM; this one only closes the gate.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closing = true, "citylinks-shutdown-gate"));
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::pass);
    }

    private void pass(RoutingContext context) {
        if (!closing) {
            context.next();
            return;
        }
        context.response().setStatusCode(503)
                .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON.toString())
                .putHeader("Retry-After", "1")
                .putHeader("Connection", "close")
                .end(ProblemMapper.json(ProblemType.SERVICE_UNAVAILABLE,
                        "This instance is shutting down. Retry; another one will answer.", context.request().path()));
    }
}
