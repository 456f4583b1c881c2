package org.citylinks.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.citylinks.api.model.WebhookSubscriptionInputDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.JsonMergePatch;
import org.citylinks.common.KeysetQuery;
import org.citylinks.common.Problem;
import org.citylinks.common.ProblemException;
import org.citylinks.common.ProblemType;
import org.citylinks.common.ReadOnlyMembers;
import org.citylinks.common.SqlArrays;
import org.citylinks.common.Viewer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Webhook subscriptions and their delivery logs. A subscription is its organisation's: members of
 * it (and operators) manage it, and nobody else learns that it exists (a 404). Each public method
 * is one transaction; reads join none.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    static final String ACTIVE = "ACTIVE";
    static final String DISABLED = "DISABLED";

    @Inject
    EntityManager em;

    @Inject
    CurrentUser current;

    @Inject
    ReadOnlyMembers readOnly;

    @Inject
    JsonMergePatch mergePatch;

    @Inject
    WebhookUrls urls;

    /** A page of subscriptions. */
    record Page(List<WebhookSubscription> subscriptions, String next) {
    }

    /** A page of deliveries. */
    record DeliveryPage(List<WebhookDelivery> deliveries, String next) {
    }

    WebhookSubscription create(WebhookSubscriptionInputDto input, String user) {
        readOnly.refuse(input);
        Viewer viewer = current.viewer();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!organizationExists(input.getOrganizationId())) {
            errors.add(Problem.FieldError.atPointer("/organizationId", "is no organisation CityLinks knows"));
        }
        urls.refusal(input.getUrl()).ifPresent(why -> errors.add(Problem.FieldError.atPointer("/url", why)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!viewer.operator() && !viewer.memberOf(input.getOrganizationId())) {
            throw ProblemException.forbidden("A subscription is for an organisation you belong to: your token does not"
                    + " name organisation " + input.getOrganizationId() + ".");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.organizationId = input.getOrganizationId();
        WebhookMapper.apply(input, subscription);
        subscription.secret = WebhookSignatures.newSecret();
        // Deliveries start from now: the feed as it stands is not replayed to a new subscriber.
        Tuple latest = (Tuple) em.createNativeQuery("SELECT coalesce(max(commit_seq), 0) AS commit_seq,"
                + " coalesce(max(id) FILTER (WHERE commit_seq IS NOT NULL), 0) AS id FROM change_log"
                + " WHERE commit_seq = (SELECT max(commit_seq) FROM change_log)", Tuple.class).getSingleResult();
        subscription.afterCommit = ((Number) latest.get("commit_seq")).longValue();
        subscription.afterRow = ((Number) latest.get("id")).longValue();
        subscription.disabledAt = DISABLED.equals(subscription.status) ? now() : null;
        subscription.disabledReason = DISABLED.equals(subscription.status) ? "Created disabled by " + user + "." : null;
        subscription.created(user);
        em.persist(subscription);
        em.flush();
        return subscription;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Page page(int limit, String cursor) {
        Viewer viewer = current.viewer();
        KeysetQuery query = new KeysetQuery("w.id", "webhook_subscription w");
        if (!viewer.operator()) {
            query.where("w.organization_id = ANY(CAST(? AS uuid[]))", SqlArrays.uuids(viewer.organizations()));
        }
        query.orderBy(List.of(KeysetQuery.SortKey.asc("w.created_at", "timestamptz"), KeysetQuery.SortKey.asc("w.id", "uuid")));
        KeysetQuery.Page page = query.run(em, cursor, limit);
        return new Page(page.load(em, WebhookSubscription.class), page.next());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    WebhookSubscription find(UUID id) {
        return visible(id);
    }

    WebhookSubscription patch(UUID id, String ifMatch, ObjectNode patch, String user) {
        WebhookSubscription subscription = visible(id);
        EntityTags.requireMatch(ifMatch, subscription.version);
        readOnly.requireUnchanged("WebhookSubscriptionPatch", patch, () -> WebhookMapper.toDto(subscription, false));
        WebhookSubscriptionInputDto merged = mergePatch.apply(WebhookMapper.toInput(subscription), patch,
                WebhookSubscriptionInputDto.class);
        if (patch.has("url")) {
            urls.refusal(merged.getUrl()).ifPresent(why -> {
                throw ProblemException.invalid(List.of(Problem.FieldError.atPointer("/url", why)));
            });
        }
        String before = subscription.status;
        WebhookMapper.apply(merged, subscription);
        if (!before.equals(subscription.status)) {
            boolean disabling = DISABLED.equals(subscription.status);
            subscription.disabledAt = disabling ? now() : null;
            subscription.disabledReason = disabling ? "Disabled by " + user + "." : null;
            if (!disabling) {
                // What failed while it was disabled may be tried again; the retry window starts now.
                em.createNativeQuery("UPDATE webhook_delivery SET retrying_since = now(), next_attempt_at = now()"
                        + " WHERE subscription_id = ?1 AND status = 'PENDING'").setParameter(1, id).executeUpdate();
            }
        }
        subscription.updated(user);
        em.flush();
        return subscription;
    }

    void delete(UUID id, String ifMatch) {
        WebhookSubscription subscription = visible(id);
        EntityTags.requireMatch(ifMatch, subscription.version);
        em.remove(subscription);
        em.flush();
    }

    /** A new secret; the previous one signs too for {@code overlap}. */
    WebhookSubscription rotate(UUID id, String ifMatch, Duration overlap, String user) {
        WebhookSubscription subscription = visible(id);
        EntityTags.requireMatchIfPresent(ifMatch, subscription.version);
        subscription.previousSecret = overlap.isZero() ? null : subscription.secret;
        subscription.previousSecretExpiresAt = overlap.isZero() ? null : now().plus(overlap);
        subscription.secret = WebhookSignatures.newSecret();
        subscription.updated(user);
        em.flush();
        return subscription;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    DeliveryPage deliveries(UUID id, String status, int limit, String cursor) {
        visible(id);
        KeysetQuery query = new KeysetQuery("d.id", "webhook_delivery d");
        query.where("d.subscription_id = ?", id);
        if (status != null) {
            query.where("d.status = ?", status);
        }
        query.orderBy(List.of(KeysetQuery.SortKey.desc("d.seq", "bigint")));
        KeysetQuery.Page page = query.run(em, cursor, limit);
        return new DeliveryPage(page.load(em, WebhookDelivery.class), page.next());
    }

    /** Queues the delivery again, same id and body; its retry window starts again. */
    WebhookDelivery replay(UUID id, UUID deliveryId) {
        WebhookSubscription subscription = visible(id);
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || !delivery.subscriptionId.equals(id)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Subscription " + id + " has no delivery " + deliveryId + ".");
        }
        if (!ACTIVE.equals(subscription.status)) {
            throw ProblemException.conflict("The subscription is disabled: set its status to ACTIVE first.", "/status",
                    "the subscription is disabled");
        }
        delivery.status = "PENDING";
        delivery.retryingSince = now();
        delivery.nextAttemptAt = delivery.retryingSince;
        delivery.claimedUntil = null;
        // Behind the deliveries made since: it goes to the end of its resource's line, keeping order.
        delivery.seq = ((Number) em.createNativeQuery("SELECT nextval(pg_get_serial_sequence('webhook_delivery', 'seq'))")
                .getSingleResult()).longValue();
        em.flush();
        return delivery;
    }

    /** The subscription, if the caller may see it: its organisation's members and operators may. */
    private WebhookSubscription visible(UUID id) {
        WebhookSubscription subscription = em.find(WebhookSubscription.class, id);
        Viewer viewer = current.viewer();
        if (subscription == null || !viewer.operator() && !viewer.memberOf(subscription.organizationId)) {
            throw ProblemException.notFound("webhook subscription", id);
        }
        return subscription;
    }

    private boolean organizationExists(UUID id) {
        return !em.createNativeQuery("SELECT 1 FROM organization WHERE id = ?1").setParameter(1, id).getResultList()
                .isEmpty();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
