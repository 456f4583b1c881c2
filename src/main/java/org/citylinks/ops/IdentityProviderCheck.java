package org.citylinks.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the identity provider answers (its discovery document), reported with readiness. Its
 * keys are cached, so an outage does not stop this replica from checking the tokens it already
 * holds keys for: the check stays UP then, saying since when the issuer has been unreachable, as
 * taking every replica out of service for an outage of the issuer would fail the requests that
 * still verify. It is DOWN only when the issuer has not answered since this replica started (no
 * key was ever fetched, so no token can be checked), which keeps a new replica out until it can.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderCheck implements HealthCheck {

    private static final String NAME = "identity-provider";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> issuer;

    @ConfigProperty(name = "quarkus.oidc.public-key")
    Optional<String> staticKey;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Instant lastAnswered;
    private volatile Instant unreachableSince;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (issuer.filter(url -> !url.isBlank()).isEmpty() || staticKey.filter(key -> !key.isBlank()).isPresent()) {
            return response.up().withData("keys", staticKey.filter(key -> !key.isBlank()).isPresent()
                    ? "static public key" : "none (reads only)").build();
        }
        String url = issuer.get().replaceAll("/+$", "");
        response.withData("issuer", url);
        Optional<String> failure = probe(URI.create(url + "/.well-known/openid-configuration"));
        Instant now = Instant.now();
        if (failure.isEmpty()) {
            lastAnswered = now;
            unreachableSince = null;
            return response.up().withData("reachable", true).build();
        }
        if (unreachableSince == null) {
            unreachableSince = now;
        }
        response.withData("reachable", false).withData("reason", failure.get())
                .withData("unreachableSince", unreachableSince.toString());
        if (lastAnswered == null) {
            return response.down().withData("keys", "none fetched yet: no token can be checked").build();
        }
        return response.up().withData("keys", "cached: tokens signed with known keys are still checked")
                .withData("lastAnswered", lastAnswered.toString()).build();
    }

    private Optional<String> probe(URI discovery) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200 ? Optional.empty() : Optional.of("discovery answered " + answer.statusCode());
        } catch (IOException e) {
            return Optional.of("no answer from the discovery endpoint");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
