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
import org.citylinks.api.model.PartnershipProgrammeInputDto;
import org.citylinks.api.model.PartnershipProgrammePageDto;
import org.citylinks.api.model.PartnershipRenewalInputDto;
import org.citylinks.api.model.PartnershipRenewalPageDto;
import org.citylinks.api.model.ProgrammeEvidenceInputDto;
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
    PartnershipAgreements agreements;

    @Inject
    PartnershipProgrammes programmes;

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
            String agreementStatus, java.time.LocalDate expiresBefore, String field, String sort, Integer limit,
            String cursor) {
        // status=EXPIRING and status=EXPIRED are how people ask for ties whose agreement ends: the agreement's status.
        boolean agreementWord = "EXPIRING".equals(status) || "EXPIRED".equals(status);
        AgreementStatus agreement = QueryParameterFormats.enumValue(AgreementStatus.class, "agreementStatus", agreementStatus);
        if (agreementWord && agreement != null && !agreement.name().equals(status)) {
            throw ProblemException.invalidParameter("status", "asks for " + status + " agreements, but agreementStatus for "
                    + agreement + " ones");
        }
        PartnershipSearch search = new PartnershipSearch(QueryParameterFormats.text(q), cityId,
                QueryParameterFormats.enumValue(RelationshipType.class, "relationshipType", relationshipType),
                agreementWord ? null : QueryParameterFormats.enumValue(PartnershipStatus.class, "status", status),
                QueryParameterFormats.enumValue(PartnershipHealth.class, "health", health),
                agreementWord ? AgreementStatus.valueOf(status) : agreement, expiresBefore,
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

    @Override
    public Response listPartnershipRenewals(UUID partnershipId, Integer limit, String cursor) {
        PartnershipAgreements.Page page = agreements.renewals(partnershipId, limit == null ? 20 : limit, cursor);
        PartnershipRenewalPageDto body = new PartnershipRenewalPageDto()
                .items(page.renewals().stream().map(ProgrammeMapper::toDto).toList()).next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response renewPartnership(UUID partnershipId, PartnershipRenewalInputDto input, String idempotencyKey,
            String ifMatch) {
        PartnershipAgreements.Renewed renewed = agreements.renew(partnershipId, ifMatch, input, user.name());
        return links.created(uriInfo, renewed.renewal().id).tag(EntityTags.tag(renewed.version()))
                .entity(ProgrammeMapper.toDto(renewed.renewal())).build();
    }

    @Override
    public Response getPartnershipRenewal(UUID partnershipId, UUID renewalId) {
        return Response.ok(ProgrammeMapper.toDto(agreements.renewal(partnershipId, renewalId))).build();
    }

    @Override
    public Response listPartnershipProgrammes(UUID partnershipId, String status, Integer limit, String cursor) {
        PartnershipProgrammes.Page page = programmes.page(partnershipId,
                QueryParameterFormats.enumValue(ProgrammeStatus.class, "status", status), limit == null ? 20 : limit,
                cursor);
        PartnershipProgrammePageDto body = new PartnershipProgrammePageDto()
                .items(page.programmes().stream().map(ProgrammeMapper::toDto).toList()).next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response addPartnershipProgramme(UUID partnershipId, PartnershipProgrammeInputDto input,
            String idempotencyKey, String ifMatch) {
        PartnershipProgrammes.Found added = programmes.add(partnershipId, ifMatch, input, user.name());
        return links.created(uriInfo, added.programme().number).tag(EntityTags.tag(added.version()))
                .entity(ProgrammeMapper.toDto(added)).build();
    }

    @Override
    public Response getPartnershipProgramme(UUID partnershipId, Integer number) {
        return programme(programmes.find(partnershipId, number));
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response updatePartnershipProgramme(UUID partnershipId, Integer number, ObjectNode patch, String ifMatch) {
        return programme(programmes.patch(partnershipId, number, ifMatch, patch, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response addProgrammeEvidence(UUID partnershipId, Integer number, ProgrammeEvidenceInputDto input,
            String ifMatch) {
        PartnershipProgrammes.Linked linked = programmes.addEvidence(partnershipId, number, ifMatch, input, user.name());
        return links.created(uriInfo, linked.evidence().id()).tag(EntityTags.tag(linked.version()))
                .entity(ProgrammeMapper.toDto(linked.evidence())).build();
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response removeProgrammeEvidence(UUID partnershipId, Integer number, UUID recordId, String ifMatch) {
        long version = programmes.removeEvidence(partnershipId, number, recordId, ifMatch);
        return Response.noContent().tag(EntityTags.tag(version)).build();
    }

    private static Response programme(PartnershipProgrammes.Found found) {
        return Response.ok(ProgrammeMapper.toDto(found)).tag(EntityTags.tag(found.version())).build();
    }

    private static Response ok(PartnershipService.Found found) {
        return Response.ok(PartnershipMapper.toDto(found.partnership(), found.cities())).tag(EntityTags.tag(found.partnership().version))
                .build();
    }

}
