package org.citylinks.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.citylinks.api.model.WebhookEventDataDto;
import org.citylinks.api.model.WebhookEventDto;
import org.citylinks.api.model.WebhookEventTypeDto;
import org.citylinks.common.SettingsCheck;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Delivers webhooks, on a thread of its own. Two steps, each run again as soon as it found work,
 * as soon as a writing transaction commits (its notice, V14), and every {@code poll-interval}
 * (for deliveries whose retry falls due):
 * <ol>
 * <li><b>Fan-out.</b> For each active subscription behind the change feed, the next changes in
 * commit order that its organisation could see when they were committed (the audience the feed
 * records) and that it subscribed to become deliveries, and the subscription's position moves past
 * them, in one transaction. A change becomes at most one delivery per subscription (a unique key),
 * so a crash between the two writes repeats nothing.</li>
 * <li><b>Sending.</b> Due deliveries are claimed for {@code claim-timeout}, the oldest first and only
 * the first one pending of each resource, so a resource's deliveries arrive in order; up to
 * {@code concurrency} are in flight at once, each sent outside any transaction and its outcome
 * written as soon as it has one. A delivery claimed by a replica
 * that died is sent again once its claim runs out, with the same {@code webhook-id}.</li>
 * </ol>
 * Failures are retried with exponential back-off and jitter until the retry window (3 days) has
 * passed; then the delivery fails and its subscription is disabled, with the reason for its owner.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_BATCH = 500;
    private static final Set<String> RESOURCES = Set.of("city", "visit", "conference", "proposal", "partnership");

    private static final String BEHIND = """
            SELECT s.id, s.organization_id, s.event_types, s.after_commit, s.after_row,
                   (SELECT o.city_id FROM organization o WHERE o.id = s.organization_id AND o.kind = 'CITY_GOVERNMENT') AS city_id
              FROM webhook_subscription s
             WHERE s.status = 'ACTIVE'
               AND (s.after_commit, s.after_row) < (SELECT l.commit_seq, l.id FROM change_log l
                                                    WHERE l.commit_seq IS NOT NULL ORDER BY l.commit_seq DESC, l.id DESC LIMIT 1)
             FOR UPDATE OF s SKIP LOCKED""";

    /**
     * The changes after a position, and whether the organisation ({@code ?} 1 to 4: the organisation
     * and its city, twice) could see each: as the feed shows it to the organisation, a removal
     * counts when it could see the record at some change before.
     */
    private static final String CHANGES = """
            SELECT l.id, l.commit_seq, l.resource, l.resource_id, l.change, l.event, l.version, l.changed_at,
                   (l.public OR CAST(? AS uuid) = ANY(l.audience_org_ids) OR CAST(? AS uuid) = ANY(l.audience_city_ids)
                    OR (l.change = 'DELETED' AND EXISTS (
                        SELECT 1 FROM change_log e
                         WHERE e.resource_id = l.resource_id AND e.commit_seq IS NOT NULL
                           AND (e.commit_seq, e.id) < (l.commit_seq, l.id)
                           AND (e.public OR CAST(? AS uuid) = ANY(e.audience_org_ids)
                                OR CAST(? AS uuid) = ANY(e.audience_city_ids))))) AS visible
              FROM change_log l
             WHERE l.commit_seq IS NOT NULL AND (l.commit_seq, l.id) > (?, ?)
             ORDER BY l.commit_seq, l.id
             LIMIT ?""";

    /**
     * Claims the due deliveries: of each record's pending deliveries only the first (its line's
     * head, read off the index in one pass) may go, and only once it is due. Written as a
     * correlated NOT EXISTS instead, the planner, whose statistics lag a burst of new
     * deliveries, compared every pending delivery with every other: 300 to 800 ms a claim with
     * 1,000 pending.
     */
    private static final String CLAIM = """
            WITH heads AS MATERIALIZED (
                SELECT DISTINCT ON (subscription_id, resource_id) id, seq, next_attempt_at, claimed_until, subscription_id
                  FROM webhook_delivery
                 WHERE status = 'PENDING'
                 ORDER BY subscription_id, resource_id, seq),
            due AS MATERIALIZED (
                SELECT d2.id FROM heads h
                  JOIN webhook_delivery d2 ON d2.id = h.id
                  JOIN webhook_subscription s2 ON s2.id = h.subscription_id AND s2.status = 'ACTIVE'
                 WHERE h.next_attempt_at <= now() AND (h.claimed_until IS NULL OR h.claimed_until < now())
                 ORDER BY h.seq
                 LIMIT ?
                   FOR UPDATE OF d2 SKIP LOCKED)
            UPDATE webhook_delivery d
               SET claimed_until = now() + make_interval(secs => ?), attempts = d.attempts + 1, last_attempt_at = now()
              FROM due, webhook_subscription s
             WHERE d.id = due.id AND s.id = d.subscription_id AND d.status = 'PENDING'
            RETURNING d.id, d.payload, d.retrying_since, d.attempts, s.id AS subscription_id, s.url, s.secret,
                      s.previous_secret, s.previous_secret_expires_at""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookUrls urls;

    @Inject
    ObjectMapper json;

    private volatile boolean running;
    private java.util.concurrent.Semaphore slots;
    private Thread loop;
    private ExecutorService senders;
    private HttpClient http;

    /** A delivery claimed for sending, with where and how to sign it. */
    private record Claimed(UUID id, String payload, Instant retryingSince, int attempts, UUID subscriptionId, String url,
            String secret, String previousSecret, Instant previousSecretExpiresAt) {
    }

    /** How one attempt went. */
    private record Outcome(Claimed delivery, Integer statusCode, int latencyMs, String error) {

        boolean succeeded() {
            return error == null;
        }
    }

    /** The {@code webhook-id} of a delivery: the same on every attempt and replay. */
    static String webhookId(UUID deliveryId) {
        return "msg_" + deliveryId;
    }

    void onStart(@Observes StartupEvent started) {
        int concurrency = SettingsCheck.between("citylinks.webhooks.concurrency", settings.concurrency(), 1, 256);
        if (!settings.deliver()) {
            LOG.info("Webhooks: this replica does not deliver (citylinks.webhooks.deliver=false)");
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        senders = Executors.newVirtualThreadPerTaskExecutor();
        slots = new java.util.concurrent.Semaphore(concurrency);
        running = true;
        loop = Thread.ofPlatform().daemon().name("webhook-dispatcher").start(this::run);
    }

    void onStop(@Observes ShutdownEvent stopping) {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            senders.shutdownNow();
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            // One connection listens for the commit notices (V14) for as long as it works; the
            // wait between rounds ends at a notice or after the poll interval, whichever is first.
            try (Connection listening = dataSource.getConnection()) {
                try (java.sql.Statement listen = listening.createStatement()) {
                    listen.execute("LISTEN citylinks_changes");
                }
                PGConnection notices = listening.unwrap(PGConnection.class);
                while (running) {
                    int work = fanOut() + deliverDue();
                    failures = 0;
                    // Idle: wait for a commit or the poll interval. Sends in flight: look again
                    // shortly, since each one that ends lets its record's next delivery go.
                    int wait = work > 0 ? 1 : sending() ? 5 : (int) Math.max(1, settings.pollInterval().toMillis());
                    notices.getNotifications(wait);
                }
            } catch (Exception e) {
                if (!running || e instanceof InterruptedException) {
                    return;
                }
                failures++;
                LOG.warnf("Webhooks: %s; trying again shortly", e.getMessage());
                try {
                    Thread.sleep(Duration.ofSeconds(Math.min(30, 1L << Math.min(failures, 5))));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Makes deliveries from the feed for every subscription behind it; returns how many changes were read. */
    int fanOut() throws SQLException {
        int read = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement behind = connection.prepareStatement(BEHIND); ResultSet rows = behind.executeQuery()) {
                    List<Object[]> subscriptions = new ArrayList<>();
                    while (rows.next()) {
                        subscriptions.add(new Object[] { rows.getObject("id", UUID.class),
                                rows.getObject("organization_id", UUID.class),
                                Set.of((String[]) rows.getArray("event_types").getArray()), rows.getLong("after_commit"),
                                rows.getLong("after_row"), rows.getObject("city_id", UUID.class) });
                    }
                    for (Object[] s : subscriptions) {
                        @SuppressWarnings("unchecked")
                        Set<String> types = (Set<String>) s[2];
                        read += fanOut(connection, (UUID) s[0], (UUID) s[1], (UUID) s[5], types, (long) s[3], (long) s[4]);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return read;
    }

    private int fanOut(Connection connection, UUID subscription, UUID organization, UUID city, Set<String> types,
            long afterCommit, long afterRow) throws SQLException {
        long lastCommit = afterCommit;
        long lastRow = afterRow;
        int read = 0;
        try (PreparedStatement changes = connection.prepareStatement(CHANGES);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO webhook_delivery (id, subscription_id, change_id, event_type, resource, resource_id,
                                                      payload, status, created_at, retrying_since, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', now(), now(), now())
                        ON CONFLICT (subscription_id, change_id) DO NOTHING""")) {
            changes.setObject(1, organization);
            changes.setObject(2, city);
            changes.setObject(3, organization);
            changes.setObject(4, city);
            changes.setLong(5, afterCommit);
            changes.setLong(6, afterRow);
            changes.setInt(7, FAN_OUT_BATCH);
            int batched = 0;
            try (ResultSet rows = changes.executeQuery()) {
                while (rows.next()) {
                    read++;
                    lastCommit = rows.getLong("commit_seq");
                    lastRow = rows.getLong("id");
                    String resource = rows.getString("resource");
                    String change = rows.getString("change");
                    String event = rows.getString("event");
                    String type = resource + "." + (event == null ? change : event).toLowerCase(java.util.Locale.ROOT);
                    boolean wanted = types.contains(type) || event != null && types.contains(resource + ".updated");
                    if (!rows.getBoolean("visible") || !wanted || !RESOURCES.contains(resource)) {
                        continue;
                    }
                    UUID resourceId = rows.getObject("resource_id", UUID.class);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, subscription);
                    insert.setLong(3, lastRow);
                    insert.setString(4, type);
                    insert.setString(5, resource);
                    insert.setObject(6, resourceId);
                    insert.setString(7, payload(type, resource, resourceId, change, rows.getLong("version"),
                            rows.getTimestamp("changed_at").toInstant(), "c1-" + lastCommit + "-" + lastRow));
                    insert.addBatch();
                    batched++;
                }
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE webhook_subscription SET after_commit = ?, after_row = ? WHERE id = ?")) {
            move.setLong(1, lastCommit);
            move.setLong(2, lastRow);
            move.setObject(3, subscription);
            move.executeUpdate();
        }
        return read;
    }

    private String payload(String type, String resource, UUID id, String change, long version, Instant committed,
            String position) {
        WebhookEventDto event = new WebhookEventDto().type(WebhookEventTypeDto.fromValue(type))
                .timestamp(committed.atOffset(ZoneOffset.UTC))
                .data(new WebhookEventDataDto().resource(WebhookEventDataDto.ResourceEnum.fromValue(resource)).id(id)
                        .change(WebhookEventDataDto.ChangeEnum.fromValue(change)).version(version)
                        .href("/v1/" + (resource.equals("city") ? "cities" : resource + "s") + "/" + id)
                        .position(position));
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook payload could not be written", e);
        }
    }

    /**
     * Claims as many due deliveries as there are free sending slots and starts sending each; a
     * send records its own outcome as soon as it has one, and frees its slot, so one slow receiver
     * holds up only its own slot. Returns how many were claimed.
     */
    int deliverDue() throws SQLException {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<Claimed> claimed = claim(free);
        for (Claimed delivery : claimed) {
            slots.acquireUninterruptibly();
            senders.submit(() -> {
                try {
                    record(List.of(send(delivery)));
                } catch (SQLException | RuntimeException e) {
                    // Unrecorded, the delivery stays claimed until its claim runs out, then goes again.
                    LOG.warnf("Webhooks: the outcome of %s could not be recorded: %s", webhookId(delivery.id()), e.getMessage());
                } finally {
                    slots.release();
                }
            });
        }
        return claimed.size();
    }

    /** Whether sends are in flight: the loop then looks again soon, for the deliveries they unblock. */
    private boolean sending() {
        return slots.availablePermits() < settings.concurrency();
    }

    private List<Claimed> claim(int limit) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            connection.setAutoCommit(true);
            claim.setInt(1, limit);
            claim.setDouble(2, settings.claimTimeout().toMillis() / 1000.0);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    Timestamp expires = rows.getTimestamp("previous_secret_expires_at");
                    claimed.add(new Claimed(rows.getObject("id", UUID.class), rows.getString("payload"),
                            rows.getTimestamp("retrying_since").toInstant(), rows.getInt("attempts"),
                            rows.getObject("subscription_id", UUID.class), rows.getString("url"), rows.getString("secret"),
                            rows.getString("previous_secret"), expires == null ? null : expires.toInstant()));
                }
            }
        }
        return claimed;
    }

    private Outcome send(Claimed delivery) {
        Optional<String> refused = urls.refusalToSend(delivery.url());
        if (refused.isPresent()) {
            return new Outcome(delivery, null, 0, "Not sent: the URL " + refused.get() + ".");
        }
        String id = webhookId(delivery.id());
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignatures.sign(delivery.secret(), id, timestamp, delivery.payload());
        if (delivery.previousSecret() != null && delivery.previousSecretExpiresAt() != null
                && delivery.previousSecretExpiresAt().isAfter(Instant.now())) {
            signature += " " + WebhookSignatures.sign(delivery.previousSecret(), id, timestamp, delivery.payload());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json").header("User-Agent", "CityLinks-Webhooks/1")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int latency = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
            int status = response.statusCode();
            return new Outcome(delivery, status, latency, status >= 200 && status < 300 ? null
                    : "The receiver answered " + status + ".");
        } catch (HttpTimeoutException e) {
            return new Outcome(delivery, null, elapsed(started), "No answer within " + settings.requestTimeout().toSeconds()
                    + " s.");
        } catch (ConnectException e) {
            return new Outcome(delivery, null, elapsed(started), "Could not connect to the receiver.");
        } catch (IOException e) {
            return new Outcome(delivery, null, elapsed(started), "The connection to the receiver failed.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(delivery, null, elapsed(started), "Interrupted: the service was stopping.");
        } catch (IllegalArgumentException e) {
            return new Outcome(delivery, null, 0, "Not sent: the URL cannot be requested.");
        }
    }

    private static int elapsed(long started) {
        return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private void record(List<Outcome> outcomes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement succeeded = connection.prepareStatement("""
                    UPDATE webhook_delivery SET status = 'SUCCEEDED', delivered_at = now(), claimed_until = NULL,
                           next_attempt_at = NULL, last_status_code = ?, last_latency_ms = ?, last_error = NULL
                     WHERE id = ? AND status = 'PENDING'""");
                    PreparedStatement retried = connection.prepareStatement("""
                            UPDATE webhook_delivery SET claimed_until = NULL, next_attempt_at = now() + make_interval(secs => ?),
                                   last_status_code = ?, last_latency_ms = ?, last_error = ?
                             WHERE id = ? AND status = 'PENDING'""");
                    PreparedStatement failed = connection.prepareStatement("""
                            UPDATE webhook_delivery SET status = 'FAILED', claimed_until = NULL, next_attempt_at = NULL,
                                   last_status_code = ?, last_latency_ms = ?, last_error = ?
                             WHERE id = ? AND status = 'PENDING'""");
                    PreparedStatement disable = connection.prepareStatement("""
                            UPDATE webhook_subscription SET status = 'DISABLED', disabled_at = now(), disabled_reason = ?,
                                   version = version + 1, updated_at = now()
                             WHERE id = ? AND status = 'ACTIVE'""")) {
                for (Outcome outcome : outcomes) {
                    Claimed delivery = outcome.delivery();
                    if (outcome.succeeded()) {
                        succeeded.setObject(1, outcome.statusCode());
                        succeeded.setInt(2, outcome.latencyMs());
                        succeeded.setObject(3, delivery.id());
                        succeeded.addBatch();
                    } else if (Instant.now().isAfter(delivery.retryingSince().plus(settings.retryWindow()))) {
                        failed.setObject(1, outcome.statusCode());
                        failed.setInt(2, outcome.latencyMs());
                        failed.setString(3, outcome.error());
                        failed.setObject(4, delivery.id());
                        failed.addBatch();
                        disable.setString(1, "Delivery " + webhookId(delivery.id()) + " failed for the whole retry window ("
                                + describe(settings.retryWindow()) + ", " + delivery.attempts() + " attempts); the last: "
                                + outcome.error() + " Fix the receiver, then set status to ACTIVE; replay what failed.");
                        disable.setObject(2, delivery.subscriptionId());
                        disable.addBatch();
                    } else {
                        retried.setDouble(1, retryDelay(delivery.attempts()).toMillis() / 1000.0);
                        retried.setObject(2, outcome.statusCode());
                        retried.setInt(3, outcome.latencyMs());
                        retried.setString(4, outcome.error());
                        retried.setObject(5, delivery.id());
                        retried.addBatch();
                    }
                }
                succeeded.executeBatch();
                retried.executeBatch();
                failed.executeBatch();
                disable.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Exponential back-off with jitter: the first delay doubled per attempt, capped, then between half and all of it. */
    Duration retryDelay(int attempts) {
        long first = Math.max(1, settings.firstRetryAfter().toMillis());
        long capped = Math.min(settings.maxRetryDelay().toMillis(), first << Math.min(Math.max(attempts - 1, 0), 30));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static String describe(Duration window) {
        return window.toHours() >= 24 && window.toHours() % 24 == 0 ? window.toDays() + " days"
                : window.toMinutes() >= 1 ? window.toMinutes() + " minutes" : window.toSeconds() + " s";
    }
}
