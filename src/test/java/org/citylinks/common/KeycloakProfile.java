package org.citylinks.common;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service as a deployment with an identity provider runs it: tokens are checked against a real
 * Keycloak's discovery document and JWKS (no static key; EmbeddedPostgresResource leaves it out for
 * this profile), with the production settings of {@code application.properties}.
 */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    /** Starts Keycloak for the tests of this profile, and stops it after them. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private static volatile KeycloakServer server;

        /** The running server, for the tests to take tokens from and change. */
        public static KeycloakServer server() {
            return server;
        }

        @Override
        public Map<String, String> start() {
            server = KeycloakServer.start();
            System.out.printf("Keycloak started in %.1f s%n", server.startTime().toMillis() / 1000.0);
            return Map.of("quarkus.oidc.auth-server-url", server.issuer());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
