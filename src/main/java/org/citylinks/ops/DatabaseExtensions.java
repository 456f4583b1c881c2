package org.citylinks.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jboss.logging.Logger;

/**
 * Before the first migration runs, checks that the database has the PostgreSQL extensions the schema
 * needs, or that the service's user may create them. {@code earthdistance} is not a trusted
 * extension: a database owner who is not a superuser cannot create it, and would otherwise meet a
 * bare "permission denied" in the middle of migration V1. Instead the start fails with the exact
 * statements an administrator runs once (the README lists them too).
 */
public class DatabaseExtensions implements Callback {

    /** What the migrations create, in the order they need them (earthdistance is built on cube). */
    public static final List<String> REQUIRED = List.of("unaccent", "pg_trgm", "cube", "earthdistance");

    private static final Logger LOG = Logger.getLogger(DatabaseExtensions.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            List<String> blocked = uncreatable(context.getConnection());
            if (!blocked.isEmpty()) {
                String message = advice(context.getConnection(), blocked);
                LOG.error(message);
                throw new FlywayException(message);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not check the database's extensions: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "citylinks-database-extensions";
    }

    /** The required extensions that are missing and that the current user may not create. */
    static List<String> uncreatable(Connection connection) throws SQLException {
        String sql = """
                SELECT r.name
                FROM unnest(?::text[]) WITH ORDINALITY AS r(name, position)
                WHERE NOT EXISTS (SELECT 1 FROM pg_extension e WHERE e.extname = r.name)
                  AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                  AND NOT (has_database_privilege(current_database(), 'CREATE')
                           AND coalesce((SELECT v.trusted FROM pg_available_extension_versions v
                                         JOIN pg_available_extensions a ON a.name = v.name
                                                                       AND a.default_version = v.version
                                         WHERE v.name = r.name), false))
                ORDER BY r.position""";
        List<String> blocked = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", REQUIRED.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    blocked.add(rows.getString(1));
                }
            }
        }
        return blocked;
    }

    private static String advice(Connection connection, List<String> blocked) throws SQLException {
        String database;
        String user;
        try (var statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database(), current_user")) {
            row.next();
            database = row.getString(1);
            user = row.getString(2);
        }
        StringBuilder statements = new StringBuilder();
        for (String extension : REQUIRED) {
            statements.append(" CREATE EXTENSION IF NOT EXISTS ").append(extension).append(';');
        }
        return "The database \"" + database + "\" lacks the PostgreSQL extension(s) " + String.join(", ", blocked)
                + ", which user \"" + user + "\" may not create (only a superuser may create an untrusted extension)."
                + " An administrator runs this once, as a superuser connected to database \"" + database + "\":"
                + statements + " Then start CityLinks again.";
    }
}
