package org.citylinks.devdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the news cases of {@code db/dev} into the dev database, after the schema's migrations, when
 * {@code citylinks.dev-data.load} is true ({@code bin/dev} sets it for the embedded database only).
 *
 * <p>Dev data is never a migration: it is recorded in a table of its own,
 * {@code citylinks_dev_data}, not in Flyway's schema history, so a database that dev mode used is
 * still one the packaged service starts on. Each script is run again when its text changes; its rows
 * that exist already are left as they are. The bean is not part of the production build.
 */
@Singleton
@UnlessBuildProfile("prod")
public class DevDataLoader {

    static final List<String> SCRIPTS = List.of("db/dev/cities.sql", "db/dev/news-cases.sql");
    private static final Logger LOG = Logger.getLogger(DevDataLoader.class);

    @Inject
    DataSource dataSource;

    @Inject
    DevDataSettings settings;

    void onStart(@Observes StartupEvent event) {
        if (!settings.load()) {
            LOG.info("Dev data not loaded: the datasource is not the embedded dev database. Set"
                    + " CITYLINKS_DEV_DATA_LOAD=true to load the news cases here anyway (recorded in the table"
                    + " citylinks_dev_data, never in the schema history).");
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS citylinks_dev_data (
                          script text PRIMARY KEY, checksum text NOT NULL, loaded_at timestamptz NOT NULL)""");
            }
            int loaded = 0;
            for (String script : SCRIPTS) {
                String sql = read(script);
                String checksum = sha256(sql);
                if (!checksum.equals(loadedChecksum(connection, script))) {
                    try (var statement = connection.createStatement()) {
                        statement.execute(sql);
                    }
                    try (PreparedStatement record = connection.prepareStatement("""
                            INSERT INTO citylinks_dev_data (script, checksum, loaded_at) VALUES (?, ?, now())
                            ON CONFLICT (script) DO UPDATE SET checksum = excluded.checksum, loaded_at = now()""")) {
                        record.setString(1, script);
                        record.setString(2, checksum);
                        record.executeUpdate();
                    }
                    loaded++;
                }
            }
            connection.commit();
            LOG.infof("Dev data: %d of %d scripts (re)loaded, the rest unchanged", loaded, SCRIPTS.size());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the dev data: " + e.getMessage(), e);
        }
    }

    private static String loadedChecksum(Connection connection, String script) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT checksum FROM citylinks_dev_data WHERE script = ?")) {
            query.setString(1, script);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
