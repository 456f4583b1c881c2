package org.citylinks.common;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with a streaming replica for reads: EmbeddedPostgresResource starts one, a hot standby
 * of the tests' PostgreSQL, for this profile. A probe comes every second and a failed replica rests briefly,
 * so that the tests see the routing change within moments.
 */
public class ReadReplicaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("citylinks.read-replica.probe-interval", "PT1S",
                "citylinks.read-replica.rest-after-failure", "PT1S");
    }
}
