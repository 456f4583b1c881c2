package org.citylinks.webhook;

import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.citylinks.api.WebhooksApi;
import org.citylinks.api.model.WebhookDeliveryPageDto;
import org.citylinks.api.model.WebhookSecretRotationInputDto;
import org.citylinks.api.model.WebhookSubscriptionInputDto;
import org.citylinks.api.model.WebhookSubscriptionPageDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.Idempotent;
import org.citylinks.common.PageLinks;
import org.citylinks.common.QueryParameterFormats;
import org.citylinks.common.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The webhook endpoints of the contract; the work is in {@link WebhookService}. Managing an
 * organisation's subscriptions is an editor's task, so reads need the role too.
 */
@RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
public class WebhookResource implements WebhooksApi {

    /** The delivery log's statuses, as the contract names them. */
    enum DeliveryStatus {
        PENDING, SUCCEEDED, FAILED
    }

    @Inject
    WebhookService service;

    @Inject
    PageLinks links;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @Context
    UriInfo uriInfo;

    @Override
    public Response listWebhooks(Integer limit, String cursor) {
        WebhookService.Page page = service.page(limit == null ? 20 : limit, cursor);
        WebhookSubscriptionPageDto body = new WebhookSubscriptionPageDto()
                .items(page.subscriptions().stream().map(s -> WebhookMapper.toDto(s, false)).toList()).next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    public Response createWebhook(WebhookSubscriptionInputDto input, String idempotencyKey) {
        WebhookSubscription created = service.create(input, user.name());
        return links.created(uriInfo, created.id).tag(EntityTags.tag(created.version))
                .entity(WebhookMapper.toDto(created, true)).build();
    }

    @Override
    public Response getWebhook(UUID webhookId) {
        return ok(service.find(webhookId), false);
    }

    @Override
    public Response updateWebhook(UUID webhookId, String ifMatch, ObjectNode patch) {
        return ok(service.patch(webhookId, ifMatch, patch, user.name()), false);
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Response deleteWebhook(UUID webhookId, String ifMatch) {
        service.delete(webhookId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    public Response rotateWebhookSecret(UUID webhookId, WebhookSecretRotationInputDto input, String ifMatch) {
        int hours = input.getOverlapHours() == null ? 24 : input.getOverlapHours();
        return ok(service.rotate(webhookId, ifMatch, Duration.ofHours(hours), user.name()), true);
    }

    @Override
    public Response listWebhookDeliveries(UUID webhookId, String status, Integer limit, String cursor) {
        DeliveryStatus filter = QueryParameterFormats.enumValue(DeliveryStatus.class, "status", status);
        WebhookService.DeliveryPage page = service.deliveries(webhookId, filter == null ? null : filter.name(),
                limit == null ? 20 : limit, cursor);
        WebhookDeliveryPageDto body = new WebhookDeliveryPageDto()
                .items(page.deliveries().stream().map(d -> WebhookMapper.toDto(d, json)).toList()).next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    public Response replayWebhookDelivery(UUID webhookId, UUID deliveryId) {
        return Response.accepted(WebhookMapper.toDto(service.replay(webhookId, deliveryId), json)).build();
    }

    private static Response ok(WebhookSubscription subscription, boolean withSecret) {
        return Response.ok(WebhookMapper.toDto(subscription, withSecret)).tag(EntityTags.tag(subscription.version)).build();
    }
}
