package org.citylinks.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.http.HttpMethod;

/**
 * Read-your-writes while replicas serve reads: a successful write is answered with the primary's
 * log position after its commit ({@value ReadRequest#HEADER}), and a read that sends it back is
 * served by a database that holds the write ({@link ReadRequest}). Without a replica nothing is sent.
 */
@ApplicationScoped
public class ConsistencyPositions {

    private static final Logger LOG = Logger.getLogger(ConsistencyPositions.class);

    @Inject
    ReadReplica replica;

    @Inject
    AgroalDataSource primary;

    /** A position the client sent is checked, whether or not a replica runs: a typo is a 400 either way. */
    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String sent = request.getHeaderString(ReadRequest.HEADER);
        if (sent != null && WalPosition.parse(sent) == null) {
            throw ProblemException.invalidParameter(ReadRequest.HEADER,
                    "must be a position as a write's answer gave it, such as 0/16B3748");
        }
    }

    @ServerResponseFilter
    public void tell(ContainerRequestContext request, ContainerResponseContext response) {
        if (!replica.configured() || ReadRequest.isRead(HttpMethod.valueOf(request.getMethod()))
                || request.getMethod().equals("OPTIONS")
                || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return;
        }
        // The write has committed (transactions end in the services), and the primary's insert
        // position is past its commit record. (Not pg_current_wal_lsn(), the position written so far:
        // with synchronous_commit off the commit record may still wait in the log's buffers.)
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT CAST(pg_current_wal_insert_lsn() AS text)")) {
            row.next();
            response.getHeaders().putSingle(ReadRequest.HEADER, row.getString(1));
        } catch (SQLException e) {
            // The write stands; without a position the client's next read may be served by the primary
            // or be a moment behind it.
            LOG.warnf("No consistency position for %s %s: %s", request.getMethod(), request.getUriInfo().getPath(),
                    e.getMessage());
        }
    }
}
