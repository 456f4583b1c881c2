package org.citylinks.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Which database serves this request, chosen once, when it first needs one. A read ({@code GET} or
 * {@code HEAD}) goes to the replica while it is up, unless it carries a {@value #HEADER} the replica
 * has not replayed to yet: a client reads its own writes by sending back the position its write was
 * answered with. Everything else goes to the primary.
 */
@RequestScoped
@io.quarkus.arc.Unremovable // looked up by ReadRouting and ProblemMapper, injected nowhere
public class ReadRequest {

    /** Sent with every successful write when replicas serve reads; sent back with a read. */
    public static final String HEADER = "Consistency-Position";

    @Inject
    CurrentVertxRequest current;

    @Inject
    ReadReplica replica;

    private String database;

    String database() {
        if (database == null) {
            database = choose();
            replica.served(database);
        }
        return database;
    }

    /** Whether the replica was chosen (a failure then is the replica's). */
    boolean servedByReplica() {
        return ReadRouting.REPLICA.equals(database);
    }

    private String choose() {
        RoutingContext context = current.getCurrent();
        if (context == null || !isRead(context.request().method())) {
            return ReadRouting.PRIMARY;
        }
        String sent = context.request().getHeader(HEADER);
        if (sent == null) {
            return replica.available() ? ReadRouting.REPLICA : ReadRouting.PRIMARY;
        }
        WalPosition position = WalPosition.parse(sent);
        return position != null && replica.hasReplayed(position) ? ReadRouting.REPLICA : ReadRouting.PRIMARY;
    }

    static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }
}
