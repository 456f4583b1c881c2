package org.citylinks.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;

import org.citylinks.api.model.WebhookDeliveryDto;
import org.citylinks.api.model.WebhookDeliveryStatusDto;
import org.citylinks.api.model.WebhookEventDto;
import org.citylinks.api.model.WebhookEventTypeDto;
import org.citylinks.api.model.WebhookSubscriptionDto;
import org.citylinks.api.model.WebhookSubscriptionInputDto;
import org.citylinks.api.model.WebhookSubscriptionStatusDto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Copies between subscriptions, deliveries and the contract's models. */
final class WebhookMapper {

    private WebhookMapper() {
    }

    /** The subscription; its secret only where the answer is the one place it is shown. */
    static WebhookSubscriptionDto toDto(WebhookSubscription subscription, boolean withSecret) {
        return new WebhookSubscriptionDto().id(subscription.id).organizationId(subscription.organizationId)
                .url(subscription.url)
                .eventTypes(subscription.eventTypes.stream().map(WebhookEventTypeDto::fromValue).toList())
                .description(subscription.description)
                .status(WebhookSubscriptionStatusDto.fromValue(subscription.status))
                .disabledReason(subscription.disabledReason).disabledAt(at(subscription.disabledAt))
                .secret(withSecret ? subscription.secret : null)
                .previousSecretExpiresAt(subscription.previousSecret == null ? null : at(subscription.previousSecretExpiresAt))
                .createdAt(at(subscription.createdAt)).updatedAt(at(subscription.updatedAt))
                .createdBy(subscription.createdBy).updatedBy(subscription.updatedBy);
    }

    static WebhookSubscriptionInputDto toInput(WebhookSubscription subscription) {
        return new WebhookSubscriptionInputDto().organizationId(subscription.organizationId).url(subscription.url)
                .eventTypes(new LinkedHashSet<>(subscription.eventTypes.stream().map(WebhookEventTypeDto::fromValue).toList()))
                .description(subscription.description).status(WebhookSubscriptionStatusDto.fromValue(subscription.status));
    }

    static void apply(WebhookSubscriptionInputDto input, WebhookSubscription subscription) {
        subscription.url = input.getUrl();
        subscription.eventTypes = input.getEventTypes().stream().map(WebhookEventTypeDto::toString).sorted()
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        subscription.description = input.getDescription();
        subscription.status = input.getStatus() == null ? WebhookService.ACTIVE : input.getStatus().toString();
    }

    static WebhookDeliveryDto toDto(WebhookDelivery delivery, ObjectMapper json) {
        WebhookEventDto payload;
        try {
            payload = json.readValue(delivery.payload, WebhookEventDto.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored webhook payload could not be read", e);
        }
        return new WebhookDeliveryDto().id(delivery.id).webhookId(WebhookDispatcher.webhookId(delivery.id))
                .subscriptionId(delivery.subscriptionId).eventType(WebhookEventTypeDto.fromValue(delivery.eventType))
                .status(WebhookDeliveryStatusDto.fromValue(delivery.status)).attempts(delivery.attempts)
                .createdAt(at(delivery.createdAt)).lastAttemptAt(at(delivery.lastAttemptAt))
                .lastStatusCode(delivery.lastStatusCode).lastLatencyMs(delivery.lastLatencyMs).lastError(delivery.lastError)
                .nextAttemptAt("PENDING".equals(delivery.status) ? at(delivery.nextAttemptAt) : null)
                .deliveredAt(at(delivery.deliveredAt)).payload(payload);
    }

    static List<WebhookEventTypeDto> types(List<String> names) {
        return names.stream().map(WebhookEventTypeDto::fromValue).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
