package org.citylinks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Readiness and the identity provider, against a stand-in issuer on a local port: DOWN while it has
 * never answered (no key could have been fetched), UP once it has, and still UP, saying since when
 * it is unreachable, after it goes away (the keys are cached).
 */
class IdentityProviderCheckTest {

    @Test
    void downUntilTheIssuerFirstAnswersThenUpThroughItsOutage() throws Exception {
        HttpServer issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/realms/citylinks/.well-known/openid-configuration", exchange -> {
            byte[] body = "{\"issuer\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        int port = issuer.getAddress().getPort();
        IdentityProviderCheck check = new IdentityProviderCheck();
        check.issuer = Optional.of("http://127.0.0.1:" + port + "/realms/citylinks");
        check.staticKey = Optional.empty();

        HealthCheckResponse neverReached = check.call();
        assertEquals(HealthCheckResponse.Status.DOWN, neverReached.getStatus(), "no answer yet: no key to check tokens with");
        assertEquals(false, neverReached.getData().orElseThrow().get("reachable"));

        issuer.start();
        HealthCheckResponse reached = check.call();
        assertEquals(HealthCheckResponse.Status.UP, reached.getStatus());
        assertEquals(true, reached.getData().orElseThrow().get("reachable"));

        issuer.stop(0);
        HealthCheckResponse outage = check.call();
        assertEquals(HealthCheckResponse.Status.UP, outage.getStatus(), "cached keys still check tokens");
        assertEquals(false, outage.getData().orElseThrow().get("reachable"));
        assertTrue(outage.getData().orElseThrow().containsKey("unreachableSince"));
    }

    @Test
    void aStaticKeyNeedsNoIssuer() {
        IdentityProviderCheck check = new IdentityProviderCheck();
        check.issuer = Optional.empty();
        check.staticKey = Optional.of("MIIB...");
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
        assertEquals("static public key", check.call().getData().orElseThrow().get("keys"));
    }
}
