package org.citylinks.proposal;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.citylinks.api.ProposalsApi;
import org.citylinks.api.model.CooperationFieldDto;
import org.citylinks.api.model.DecisionInputDto;
import org.citylinks.api.model.ProposalInputDto;
import org.citylinks.api.model.ProposalPageDto;
import org.citylinks.api.model.TransitionInputDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.Idempotent;
import org.citylinks.common.PageLinks;
import org.citylinks.common.ProblemException;
import org.citylinks.common.QueryParameterFormats;
import org.citylinks.common.Roles;
import org.citylinks.partnership.RelationshipType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The proposal endpoints of the contract; the work is in {@link ProposalService}. */
public class ProposalResource implements ProposalsApi {

    @Inject
    PageLinks links;

    @Inject
    ProposalService service;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uriInfo;

    @Override
    public Response listProposals(String q, UUID cityId, String status, String field, String relationshipType,
            String sort, Integer limit, String cursor) {
        ProposalSearch search = new ProposalSearch(QueryParameterFormats.text(q), cityId,
                QueryParameterFormats.enumValue(ProposalStatus.class, "status", status),
                field == null ? null : QueryParameterFormats.enumValue(CooperationFieldDto.class, "field", field).name(),
                QueryParameterFormats.enumValue(RelationshipType.class, "relationshipType", relationshipType),
                sort, limit == null ? 20 : limit, cursor);
        ProposalService.Page page = service.search(search);
        ProposalPageDto body = new ProposalPageDto()
                .items(page.proposals().stream().map(ProposalMapper::toDto).toList())
                .next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response createProposal(ProposalInputDto input, String idempotencyKey) {
        ProposalService.Found created = service.create(input, user.name());
        return links.created(uriInfo, created.proposal().id)
                .tag(EntityTags.tag(created.proposal().version))
                .entity(ProposalMapper.toDto(created))
                .build();
    }

    @Override
    public Response getProposal(UUID proposalId, String ifNoneMatch) {
        ProposalService.Found found = service.find(proposalId)
                .orElseThrow(() -> ProblemException.notFound("proposal", proposalId));
        if (EntityTags.noneMatchHits(ifNoneMatch, found.proposal().version)) {
            return Response.notModified(EntityTags.tag(found.proposal().version)).build();
        }
        return ok(found);
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response replaceProposal(UUID proposalId, String ifMatch, ProposalInputDto input) {
        return ok(service.replace(proposalId, ifMatch, input, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response updateProposal(UUID proposalId, String ifMatch, ObjectNode patch) {
        return ok(service.patch(proposalId, ifMatch, patch, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Response deleteProposal(UUID proposalId, String ifMatch) {
        service.delete(proposalId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response transitionProposal(UUID proposalId, TransitionInputDto input, String idempotencyKey,
            String ifMatch) {
        return ok(service.transition(proposalId, ifMatch, input, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response decideProgramme(UUID proposalId, Integer number, DecisionInputDto input, String ifMatch) {
        return ok(service.decide(proposalId, number, ifMatch, input, user.name()));
    }

    private static Response ok(ProposalService.Found found) {
        return Response.ok(ProposalMapper.toDto(found)).tag(EntityTags.tag(found.proposal().version)).build();
    }
}
