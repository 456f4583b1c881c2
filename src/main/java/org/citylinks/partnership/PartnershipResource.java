package org.citylinks.partnership;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.citylinks.api.PartnershipsApi;
import org.citylinks.api.model.CooperationFieldDto;
import org.citylinks.api.model.PartnershipInputDto;
import org.citylinks.api.model.PartnershipPageDto;
import org.citylinks.city.CreativeField;
import org.citylinks.city.Network;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.Idempotent;
import org.citylinks.common.PageLinks;
import org.citylinks.common.ProblemException;
import org.citylinks.common.QueryParameterFormats;
import org.citylinks.common.Roles;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The partnership endpoints of the contract; the work is in {@link PartnershipService}. */
public class PartnershipResource implements PartnershipsApi {

    @Inject
    PageLinks links;

    @Inject
    PartnershipService service;

    @Inject
    PartnershipImport partnershipImport;

    @Inject
    PartnershipMap map;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uriInfo;

    @Override
    public Response getPartnershipMap(String country, String network, String field, String health, Integer limit) {
        PartnershipMap.Filter filter = new PartnershipMap.Filter(
                country == null ? null : country.toUpperCase(java.util.Locale.ROOT),
                QueryParameterFormats.enumValue(Network.class, "network", network),
                QueryParameterFormats.enumValue(CreativeField.class, "field", field),
                QueryParameterFormats.enumValue(PartnershipHealth.class, "health", health),
                limit == null ? 500 : limit);
        return Response.ok(map.of(filter)).build();
    }

    @Override
    public Response listPartnerships(String q, UUID cityId, String relationshipType, String status, String health,
            String field, String sort, Integer limit, String cursor) {
        PartnershipSearch search = new PartnershipSearch(QueryParameterFormats.text(q), cityId,
                QueryParameterFormats.enumValue(RelationshipType.class, "relationshipType", relationshipType),
                QueryParameterFormats.enumValue(PartnershipStatus.class, "status", status),
                QueryParameterFormats.enumValue(PartnershipHealth.class, "health", health),
                field == null ? null : QueryParameterFormats.enumValue(CooperationFieldDto.class, "field", field).name(),
                sort, limit == null ? 20 : limit, cursor);
        PartnershipService.Page page = service.search(search);
        PartnershipPageDto body = new PartnershipPageDto()
                .items(page.partnerships().stream().map(p -> PartnershipMapper.toDto(p, page.cities())).toList())
                .next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response createPartnership(PartnershipInputDto input, String idempotencyKey) {
        PartnershipService.Found created = service.create(input, user.name());
        return links.created(uriInfo, created.partnership().id)
                .tag(EntityTags.tag(created.partnership().version))
                .entity(PartnershipMapper.toDto(created.partnership(), created.cities()))
                .build();
    }

    @Override
    @RolesAllowed(Roles.OPERATOR)
    public Response importPartnerships(java.io.InputStream csv) {
        return Response.ok(partnershipImport.run(csv, user.name())).build();
    }

    @Override
    public Response getPartnership(UUID partnershipId, String ifNoneMatch) {
        PartnershipService.Found found = service.find(partnershipId)
                .orElseThrow(() -> ProblemException.notFound("partnership", partnershipId));
        if (EntityTags.noneMatchHits(ifNoneMatch, found.partnership().version)) {
            return Response.notModified(EntityTags.tag(found.partnership().version)).build();
        }
        return ok(found);
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response replacePartnership(UUID partnershipId, String ifMatch, PartnershipInputDto input) {
        return ok(service.replace(partnershipId, ifMatch, input, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response updatePartnership(UUID partnershipId, String ifMatch, ObjectNode patch) {
        return ok(service.patch(partnershipId, ifMatch, patch, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Response deletePartnership(UUID partnershipId, String ifMatch) {
        service.delete(partnershipId, ifMatch);
        return Response.noContent().build();
    }

    private static Response ok(PartnershipService.Found found) {
        return Response.ok(PartnershipMapper.toDto(found.partnership(), found.cities())).tag(EntityTags.tag(found.partnership().version))
                .build();
    }

}
