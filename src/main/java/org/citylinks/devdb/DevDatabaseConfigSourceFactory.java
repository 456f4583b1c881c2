package org.citylinks.devdb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Gives dev mode a database with no set-up: when the profile is {@code dev} and no
 * {@code quarkus.datasource.jdbc.url} is configured (for example through
 * {@code QUARKUS_DATASOURCE_JDBC_URL}), it starts an {@link EmbeddedPostgres} under
 * {@code target/dev-postgres} and points the datasource at it. The data survives restarts of dev
 * mode until {@code mvn clean}.
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {

    // Live reload builds the configuration again in the same JVM; the server must be started once.
    private static final String RUNNING_URL = "citylinks.dev-postgres.url";
    private static final int ORDINAL = 200; // below application.properties' profile entries and the environment

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || configured(context.getValue("quarkus.datasource.jdbc.url"))) {
            return List.of();
        }
        String url = System.getProperty(RUNNING_URL);
        if (url == null) {
            url = startServer();
        }
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", EmbeddedPostgres.USER,
                "quarkus.datasource.password", ""), "citylinks-dev-postgres", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean configured(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static synchronized String startServer() {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return running;
        }
        Path base = Path.of("target", "dev-postgres").toAbsolutePath();
        EmbeddedPostgres postgres = EmbeddedPostgres.start(base.resolve("binaries"), base.resolve("data"));
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "dev-postgres-stop"));
        System.setProperty(RUNNING_URL, postgres.jdbcUrl());
        System.out.println("CityLinks dev database: embedded PostgreSQL at " + postgres.jdbcUrl()
                + " (data in " + base.resolve("data") + ")");
        return postgres.jdbcUrl();
    }
}
