package org.citylinks.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the expensive operations (global search, partner suggestions, the map, imports,
 * calendars) with token buckets (Bucket4j): one per client, keyed by its token's subject or, without
 * a valid token, its address, and one for the whole replica, so that one client's burst cannot
 * take the database pool from everyone else. Past either bound the request is a 429 problem with
 * Retry-After; every answer of a bounded operation carries the RateLimit-Policy and RateLimit
 * headers of the IETF httpapi draft, so that clients can pace themselves before they are refused.
 *
 * <p>Requests are counted once, in the REST filter, after the token is verified. A client that
 * goes on past its bound is refused earlier, by a route ahead of everything else, without its
 * token being verified again (a token already seen is remembered with its subject) and after a
 * short pause: a flood of refused requests must not spend the CPU the other clients need.
 */
@ApplicationScoped
public class FairUse {

    private static final String HEADERS = FairUse.class.getName() + ".headers";

    @Inject
    FairUseSettings settings;

    @Inject
    CurrentUser currentUser;

    private Cache<String, Bucket> clients;
    private Cache<String, String> verifiedTokens;
    private Bucket replica;
    private String policy;
    private java.util.List<java.util.regex.Pattern> boundedPaths;

    @jakarta.annotation.PostConstruct
    void createBuckets() {
        Duration window = settings.window();
        clients = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
        verifiedTokens = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();
        replica = bucket(settings.perReplica());
        boundedPaths = ApiRoutes.pathsOf(settings.operations());
        policy = "\"client\";q=" + settings.perClient() + ";w=" + window.toSeconds() + ", \"replica\";q="
                + settings.perReplica() + ";w=" + window.toSeconds();
    }

    /** Counts a request to a bounded operation, or refuses it. */
    @ServerRequestFilter
    public void admit(ContainerRequestContext request, SimpleResourceInfo resource, HttpServerRequest http) {
        if (!settings.enabled() || resource == null || !settings.operations().contains(resource.getMethodName())) {
            return;
        }
        String key = clientKey(http);
        Bucket client = clients.get(key, k -> bucket(settings.perClient()));
        boolean ofClient = client.tryConsume(1);
        boolean ofReplica = ofClient && replica.tryConsume(1);
        if (ofClient && !ofReplica) {
            client.addTokens(1); // the replica refused it: the client's own quota is not spent
        }
        if (!ofReplica) {
            throw refusal(client, !ofClient);
        }
        request.setProperty(HEADERS, new String[] { policy, rateLimit(client) });
    }

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(HEADERS) instanceof String[] headers) {
            response.getHeaders().putSingle("RateLimit-Policy", headers[0]);
            response.getHeaders().putSingle("RateLimit", headers[1]);
        }
    }

    void registerGate(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::gate);
    }

    /** The early refusal of a client already past its bound (or of anyone, when the replica is). */
    private void gate(RoutingContext context) {
        HttpServerRequest http = context.request();
        if (!settings.enabled() || !bounded(http)) {
            context.next();
            return;
        }
        String key = knownClientKey(http);
        Bucket client = key == null ? null : clients.getIfPresent(key);
        boolean clientSpent = client != null && client.getAvailableTokens() <= 0;
        if (!clientSpent && replica.getAvailableTokens() > 0) {
            context.next(); // counted (or refused) by the REST filter, once the token is verified
            return;
        }
        ProblemException refused = refusal(client == null ? bucket(settings.perClient()) : client, clientSpent);
        context.vertx().setTimer(Math.max(1, settings.refusalDelay().toMillis()), timer -> {
            if (context.response().closed() || context.response().ended()) {
                return;
            }
            context.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON.toString());
            refused.headers().forEach(context.response()::putHeader);
            context.response().end(ProblemMapper.json(ProblemType.TOO_MANY_REQUESTS, refused.getMessage(), http.path(), List.of()));
        });
    }

    /**
     * Whether the request is one of the bounded operations. Every request passes here, so the paths
     * of those few operations are tried first; only a request that matches one is resolved fully.
     */
    private boolean bounded(HttpServerRequest http) {
        String path = http.path();
        return path != null && boundedPaths.stream().anyMatch(pattern -> pattern.matcher(path).matches())
                && ApiRoutes.operation(path, http.method().name()).filter(settings.operations()::contains).isPresent();
    }

    /** The token's subject when it is valid (one client whatever its address), else the address. */
    private String clientKey(HttpServerRequest http) {
        String subject = currentUser.subject();
        if (subject == null) {
            return addressKey(http);
        }
        String token = bearerToken(http);
        if (token != null) {
            verifiedTokens.put(digest(token), subject);
        }
        return "subject:" + subject;
    }

    /** The key without verifying anything: the address without a token, a remembered token's subject, else null. */
    private String knownClientKey(HttpServerRequest http) {
        String token = bearerToken(http);
        if (http.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return addressKey(http);
        }
        String subject = token == null ? null : verifiedTokens.getIfPresent(digest(token));
        return subject == null ? null : "subject:" + subject;
    }

    private static String addressKey(HttpServerRequest http) {
        return "address:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }

    private static String bearerToken(HttpServerRequest http) {
        String authorization = http.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    private ProblemException refusal(Bucket client, boolean byClient) {
        long waitNanos = (byClient ? client : replica).estimateAbilityToConsume(1).getNanosToWaitForRefill();
        String who = byClient ? "You have made" : "This service has had";
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, who + " too many requests to the expensive"
                + " operations (search, suggestions, map, imports, calendars) in the last "
                + settings.window().toSeconds() + " s. Retry after the seconds that Retry-After gives.")
                .withHeader("Retry-After", Long.toString(seconds(waitNanos)))
                .withHeader("RateLimit-Policy", policy)
                .withHeader("RateLimit", rateLimit(client));
    }

    /** What is left of each quota, and in how many seconds it is whole again (the refill is steady). */
    private String rateLimit(Bucket client) {
        return "\"client\";" + remaining(client, settings.perClient()) + ", \"replica\";"
                + remaining(replica, settings.perReplica());
    }

    private String remaining(Bucket bucket, long quota) {
        long left = Math.max(0, bucket.getAvailableTokens());
        long nanosToWhole = settings.window().toNanos() / quota * (quota - left);
        return "r=" + left + ";t=" + (left >= quota ? 0 : seconds(nanosToWhole));
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private Bucket bucket(long quota) {
        return Bucket.builder().addLimit(limit -> limit.capacity(quota).refillGreedy(quota, settings.window())).build();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
