package org.citylinks.common;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;

/**
 * Bounds the expensive operations (global search, partner suggestions, the map, imports,
 * calendars) with token buckets (Bucket4j): one per client, keyed by its token's subject or, without
 * a valid token, its address, and one for the whole replica, so that one client's burst cannot
 * take the database pool from everyone else. Past either bound the request is a 429 problem with
 * Retry-After; every answer of a bounded operation carries the RateLimit-Policy and RateLimit
 * headers of the IETF httpapi draft, so that clients can pace themselves before they are refused.
 */
@ApplicationScoped
public class FairUse {

    private static final String PROBES = FairUse.class.getName() + ".probes";

    @Inject
    FairUseSettings settings;

    @Inject
    CurrentUser currentUser;

    private Cache<String, Bucket> clients;
    private Bucket replica;
    private String policy;

    @jakarta.annotation.PostConstruct
    void createBuckets() {
        Duration window = settings.window();
        clients = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
        replica = bucket(settings.perReplica(), window);
        policy = "\"client\";q=" + settings.perClient() + ";w=" + window.toSeconds() + ", \"replica\";q="
                + settings.perReplica() + ";w=" + window.toSeconds();
    }

    @ServerRequestFilter
    public void admit(ContainerRequestContext request, SimpleResourceInfo resource, HttpServerRequest http) {
        if (!settings.enabled() || resource == null || !settings.operations().contains(resource.getMethodName())) {
            return;
        }
        Bucket client = clients.get(clientKey(http), key -> bucket(settings.perClient(), settings.window()));
        ConsumptionProbe ofClient = client.tryConsumeAndReturnRemaining(1);
        ConsumptionProbe ofReplica = ofClient.isConsumed() ? replica.tryConsumeAndReturnRemaining(1)
                : probeWithoutTaking(replica);
        if (ofClient.isConsumed() && !ofReplica.isConsumed()) {
            client.addTokens(1); // the replica refused it: the client's own quota is not spent
        }
        String[] headers = { policy, rateLimit(ofClient, ofReplica) };
        if (!ofClient.isConsumed() || !ofReplica.isConsumed()) {
            long waitNanos = !ofClient.isConsumed() ? ofClient.getNanosToWaitForRefill() : ofReplica.getNanosToWaitForRefill();
            String who = !ofClient.isConsumed() ? "You have made" : "This service has had";
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, who + " too many requests to "
                    + "its expensive operations (search, suggestions, map, imports, calendars) in the last "
                    + settings.window().toSeconds() + " s. Retry after the seconds that Retry-After gives.")
                    .withHeader("Retry-After", Long.toString(seconds(waitNanos)))
                    .withHeader("RateLimit-Policy", headers[0])
                    .withHeader("RateLimit", headers[1]);
        }
        request.setProperty(PROBES, headers);
    }

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROBES) instanceof String[] headers) {
            response.getHeaders().putSingle("RateLimit-Policy", headers[0]);
            response.getHeaders().putSingle("RateLimit", headers[1]);
        }
    }

    /** The token's subject when it is valid (one client whatever its address), else the address. */
    private String clientKey(HttpServerRequest http) {
        String subject = currentUser.subject();
        if (subject != null) {
            return "subject:" + subject;
        }
        return "address:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }

    private static ConsumptionProbe probeWithoutTaking(Bucket bucket) {
        // Nothing is taken from the replica's quota for a request the client's own bound refused.
        return ConsumptionProbe.consumed(bucket.getAvailableTokens(), 0);
    }

    private static String rateLimit(ConsumptionProbe client, ConsumptionProbe replica) {
        return "\"client\";r=" + Math.max(0, client.getRemainingTokens()) + ";t=" + seconds(resetNanos(client))
                + ", \"replica\";r=" + Math.max(0, replica.getRemainingTokens()) + ";t=" + seconds(resetNanos(replica));
    }

    private static long resetNanos(ConsumptionProbe probe) {
        return probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static Bucket bucket(long quota, Duration window) {
        return Bucket.builder().addLimit(limit -> limit.capacity(quota).refillGreedy(quota, window)).build();
    }
}
