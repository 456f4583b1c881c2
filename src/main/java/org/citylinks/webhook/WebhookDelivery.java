package org.citylinks.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One event for one subscription: made once from a change of the feed, sent until the receiver
 * acknowledges it. The dispatcher writes it by SQL; this mapping serves the delivery log and replays.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The order within the subscription: commit order, or a replay's turn. */
    @Column(nullable = false)
    public long seq;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    public UUID subscriptionId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    /** The {@link org.citylinks.api.model.WebhookEventDto} as sent, the same on every attempt. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "retrying_since", nullable = false)
    public Instant retryingSince;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_latency_ms")
    public Integer lastLatencyMs;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
