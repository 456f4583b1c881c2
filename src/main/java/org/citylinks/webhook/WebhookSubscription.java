package org.citylinks.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.citylinks.common.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation's subscription of a URL to event types. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false, length = 2000)
    public String url;

    /** The contract's event type names ({@code proposal.signed}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
    public List<String> eventTypes = new ArrayList<>();

    @Column(length = 500)
    public String description;

    /** {@code ACTIVE} or {@code DISABLED}. */
    @Column(nullable = false, length = 10)
    public String status;

    @Column(name = "disabled_reason", length = 1000)
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(nullable = false, length = 100)
    public String secret;

    @Column(name = "previous_secret", length = 100)
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    // The feed position deliveries have been taken up to: the dispatcher moves it by SQL alone, so
    // a change of the subscription by its owner never writes an older position back.

    @Column(name = "after_commit", nullable = false, updatable = false)
    public long afterCommit;

    @Column(name = "after_row", nullable = false, updatable = false)
    public long afterRow;
}
