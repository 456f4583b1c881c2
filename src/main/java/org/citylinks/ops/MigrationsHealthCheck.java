package org.citylinks.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Ready only when the database schema is the one this build expects: every migration applied, none
 * failed. Says which version the schema is at, or why it is not ready.
 */
@Readiness
@ApplicationScoped
public class MigrationsHealthCheck implements HealthCheck {

    @Inject
    Flyway flyway;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Database migrations");
        try {
            // One info() per probe: each reads the migration files and the history table.
            MigrationInfoService migrations = flyway.info();
            MigrationInfo[] pending = migrations.pending();
            MigrationInfo current = migrations.current();
            response.withData("schemaVersion", current == null ? "none" : current.getVersion().getVersion());
            if (pending.length > 0) {
                return response.down().withData("reason", pending.length + " migrations not applied yet").build();
            }
            for (MigrationInfo applied : migrations.applied()) {
                if (applied.getState().isFailed()) {
                    return response.down().withData("reason", "migration " + applied.getVersion() + " failed").build();
                }
            }
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("reason", "the migration history cannot be read: the database is unreachable")
                    .build();
        }
    }
}
