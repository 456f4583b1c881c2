package org.citylinks.visit;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.citylinks.api.VisitsApi;
import org.citylinks.api.model.VisitInputDto;
import org.citylinks.api.model.VisitPageDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.Idempotent;
import org.citylinks.common.PageLinks;
import org.citylinks.common.ProblemException;
import org.citylinks.common.QueryParameterFormats;
import org.citylinks.common.Roles;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The visit endpoints of the contract; the work is in {@link VisitService}. */
public class VisitResource implements VisitsApi {

    @Inject
    PageLinks links;

    @Inject
    VisitService service;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uriInfo;

    @Override
    public Response listVisits(String q, UUID cityId, UUID fromCityId, UUID toCityId, LocalDate from, LocalDate to,
            String mode, String topic, String sort, Integer limit, String cursor) {
        VisitSearch search = new VisitSearch(QueryParameterFormats.text(q), cityId, fromCityId, toCityId, from, to,
                QueryParameterFormats.enumValue(VisitMode.class, "mode", mode), topic, sort,
                limit == null ? 20 : limit, cursor);
        VisitService.Page page = service.search(search);
        VisitPageDto body = new VisitPageDto()
                .items(page.visits().stream().map(v -> VisitMapper.toDto(v, page.cities(), page.governments(), page.visibleProposals())).toList())
                .next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response createVisit(VisitInputDto input, String idempotencyKey) {
        VisitService.Found created = service.create(input, user.name());
        return links.created(uriInfo, created.visit().id)
                .tag(EntityTags.tag(created.visit().version))
                .entity(VisitService.dto(created))
                .build();
    }

    @Override
    public Response getVisit(UUID visitId, String ifNoneMatch) {
        VisitService.Found found = service.find(visitId).orElseThrow(() -> ProblemException.notFound("visit", visitId));
        if (EntityTags.noneMatchHits(ifNoneMatch, found.visit().version)) {
            return Response.notModified(EntityTags.tag(found.visit().version)).build();
        }
        return ok(found);
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response replaceVisit(UUID visitId, String ifMatch, VisitInputDto input) {
        return ok(service.replace(visitId, ifMatch, input, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response updateVisit(UUID visitId, String ifMatch, ObjectNode patch) {
        return ok(service.patch(visitId, ifMatch, patch, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Response deleteVisit(UUID visitId, String ifMatch) {
        service.delete(visitId, ifMatch);
        return Response.noContent().build();
    }

    private static Response ok(VisitService.Found found) {
        return Response.ok(VisitService.dto(found)).tag(EntityTags.tag(found.visit().version))
                .build();
    }
}
