package org.citylinks.organization;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.citylinks.api.OrganizationsApi;
import org.citylinks.api.model.OrganizationInputDto;
import org.citylinks.api.model.OrganizationPageDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.Idempotent;
import org.citylinks.common.PageLinks;
import org.citylinks.common.ProblemException;
import org.citylinks.common.QueryParameterFormats;
import org.citylinks.common.Roles;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The organisation endpoints of the contract; the work is in {@link OrganizationService}. */
public class OrganizationResource implements OrganizationsApi {

    @Inject
    PageLinks links;

    @Inject
    OrganizationService service;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uriInfo;

    @Override
    public Response listOrganizations(String q, String kind, UUID cityId, Integer limit, String cursor) {
        OrganizationService.Page page = service.search(new OrganizationSearch(QueryParameterFormats.text(q),
                QueryParameterFormats.enumValue(OrganizationKind.class, "kind", kind), cityId,
                limit == null ? 20 : limit, cursor));
        OrganizationPageDto body = new OrganizationPageDto()
                .items(page.organizations().stream().map(f -> OrganizationMapper.toDto(f.organization(), f.city())).toList())
                .next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    @RolesAllowed(Roles.OPERATOR)
    public Response createOrganization(OrganizationInputDto input, String idempotencyKey) {
        OrganizationService.Found created = service.create(input, user.viewer());
        return links.created(uriInfo, created.organization().id)
                .tag(EntityTags.tag(created.organization().version))
                .entity(OrganizationMapper.toDto(created.organization(), created.city()))
                .build();
    }

    @Override
    public Response getOrganization(UUID organizationId, String ifNoneMatch) {
        OrganizationService.Found found = service.find(organizationId)
                .orElseThrow(() -> ProblemException.notFound("organization", organizationId));
        if (EntityTags.noneMatchHits(ifNoneMatch, found.organization().version)) {
            return Response.notModified(EntityTags.tag(found.organization().version)).build();
        }
        return ok(found);
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Response replaceOrganization(UUID organizationId, String ifMatch, OrganizationInputDto input) {
        return ok(service.replace(organizationId, ifMatch, input, user.viewer()));
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Response updateOrganization(UUID organizationId, String ifMatch, ObjectNode patch) {
        return ok(service.patch(organizationId, ifMatch, patch, user.viewer()));
    }

    @Override
    @RolesAllowed(Roles.OPERATOR)
    public Response deleteOrganization(UUID organizationId, String ifMatch) {
        service.delete(organizationId, ifMatch, user.viewer());
        return Response.noContent().build();
    }

    private static Response ok(OrganizationService.Found found) {
        return Response.ok(OrganizationMapper.toDto(found.organization(), found.city()))
                .tag(EntityTags.tag(found.organization().version)).build();
    }
}
