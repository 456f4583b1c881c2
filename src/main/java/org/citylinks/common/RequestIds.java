package org.citylinks.common;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id, before anything else sees it: the client's {@code X-Request-Id} when it
 * is a sane token, a new UUID otherwise. The id goes back in the response header, into the logging
 * context of everything the request logs, and into the one log line written per request, so a
 * client's report can be matched with the server's log.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Logger LOG = Logger.getLogger("org.citylinks.request");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Router router) {
        // Before the routes of the application, of security and of the management endpoints.
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String sent = context.request().getHeader(HEADER);
        String id = sent != null && SANE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        long started = System.nanoTime();
        context.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.addBodyEndHandler(done -> LOG.infof("%s %s %d %dms request-id=%s", context.request().method(),
                context.request().path(), context.response().getStatusCode(),
                (System.nanoTime() - started) / 1_000_000, id));
        context.next();
    }
}
