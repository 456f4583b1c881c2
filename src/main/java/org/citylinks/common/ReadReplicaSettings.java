package org.citylinks.common;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How reads use a streaming replica (README, Read replicas). The replica itself is the
 * {@code replica} datasource ({@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL}); without its URL every
 * request is served by the primary and none of this applies.
 */
@ConfigMapping(prefix = "citylinks.read-replica")
public interface ReadReplicaSettings {

    /** How often the replica is asked whether it is up and how far it has replayed. */
    @WithDefault("PT1S")
    Duration probeInterval();

    /** How long a replica that failed a probe or a read is left alone before it is tried again. */
    @WithDefault("PT5S")
    Duration restAfterFailure();
}
