package org.citylinks.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;

/**
 * The streaming replica that reads may be served by, when one is configured (the {@code replica}
 * datasource): whether it is up, and how far it has replayed the primary's log. A replica that fails
 * a probe or a read is left alone for {@link ReadReplicaSettings#restAfterFailure()}, and reads go
 * to the primary meanwhile.
 */
@ApplicationScoped
public class ReadReplica {

    public static final String DATASOURCE = "replica";
    private static final Logger LOG = Logger.getLogger(ReadReplica.class);
    // On a server that is not in recovery (a replica URL that names a primary), everything it holds
    // is replayed: its current position stands in.
    private static final String POSITION = """
            SELECT CAST(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END AS text)""";

    @ConfigProperty(name = "quarkus.datasource.replica.jdbc.url")
    Optional<String> url;

    @Inject
    ReadReplicaSettings settings;

    @Inject
    MeterRegistry meters;

    private AgroalDataSource dataSource;
    private volatile boolean up;
    private volatile long restUntil;
    private volatile WalPosition replayed = new WalPosition(0);
    // Looked up once: a registry lookup on every request costs a map search and an allocation.
    private Counter primaryRequests;
    private Counter replicaRequests;

    @PostConstruct
    void find() {
        if (url.isPresent()) {
            dataSource = Arc.container().instance(AgroalDataSource.class, new DataSource.DataSourceLiteral(DATASOURCE)).get();
            primaryRequests = meters.counter("citylinks.database.requests", "database", ReadRouting.PRIMARY);
            replicaRequests = meters.counter("citylinks.database.requests", "database", ReadRouting.REPLICA);
        }
    }

    /** Counts a request that the named database served (the metric {@code citylinks.database.requests}). */
    void served(String database) {
        (ReadRouting.REPLICA.equals(database) ? replicaRequests : primaryRequests).increment();
    }

    public boolean configured() {
        return dataSource != null;
    }

    AgroalDataSource dataSource() {
        return dataSource;
    }

    /** Whether reads may go to the replica now. */
    public boolean available() {
        return configured() && up && !resting();
    }

    /** Whether the replica holds every transaction committed before {@code position}. */
    boolean hasReplayed(WalPosition position) {
        if (!available()) {
            return false;
        }
        if (replayed.reaches(position)) {
            return true;
        }
        probe();
        return available() && replayed.reaches(position);
    }

    @Scheduled(every = "${citylinks.read-replica.probe-interval:PT1S}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probeRegularly() {
        if (configured() && !resting()) {
            probe();
        }
    }

    private void probe() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(POSITION)) {
            row.next();
            WalPosition position = WalPosition.parse(row.getString(1));
            if (position != null && position.reaches(replayed)) {
                replayed = position;
            }
            if (!up) {
                LOG.infof("The read replica is up, replayed to %s: reads go to it", replayed);
            }
            up = true;
        } catch (SQLException | RuntimeException e) {
            failed(e);
        }
    }

    /** The replica failed a probe or a read: reads go to the primary until it has rested. */
    void failed(Exception cause) {
        if (up || !resting()) {
            LOG.warnf("The read replica failed (%s): reads go to the primary for %s", cause.getMessage(),
                    settings.restAfterFailure());
        }
        up = false;
        restUntil = System.nanoTime() + settings.restAfterFailure().toNanos();
        // Its pooled connections lead to a server that went away; the next ones are made afresh.
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
    }

    private boolean resting() {
        return System.nanoTime() - restUntil < 0;
    }
}
