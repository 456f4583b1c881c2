package org.citylinks.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Chooses the database each Hibernate session reads and writes: the replica for a read request that
 * it can serve ({@link ReadRequest}), the primary for everything else, jobs and background work
 * included (they run outside any request). Hibernate calls the choice a tenant; here there are two,
 * and both hold the same data.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ReadRouting implements TenantResolver {

    static final String PRIMARY = "primary";
    static final String REPLICA = "replica";

    @Inject
    ReadReplica replica;

    @Override
    public String getDefaultTenantId() {
        return PRIMARY;
    }

    @Override
    public String resolveTenantId() {
        if (!replica.configured() || !Arc.container().requestContext().isActive()) {
            return PRIMARY;
        }
        try (InstanceHandle<ReadRequest> request = Arc.container().instance(ReadRequest.class)) {
            return request.get().database();
        }
    }

    /** The connections of each choice. */
    @PersistenceUnitExtension
    @ApplicationScoped
    public static class Connections implements TenantConnectionResolver {

        @Inject
        AgroalDataSource primary;

        @Inject
        ReadReplica replica;

        @Override
        public ConnectionProvider resolve(String tenantId) {
            return new QuarkusConnectionProvider(REPLICA.equals(tenantId) ? replica.dataSource() : primary);
        }
    }
}
