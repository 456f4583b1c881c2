package org.citylinks.conference;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.citylinks.api.ConferencesApi;
import org.citylinks.api.model.ConferenceInputDto;
import org.citylinks.api.model.ConferencePageDto;
import org.citylinks.api.model.ParticipantInputDto;
import org.citylinks.api.model.ParticipantStatusInputDto;
import org.citylinks.city.Network;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.Idempotent;
import org.citylinks.common.PageLinks;
import org.citylinks.common.ProblemException;
import org.citylinks.common.QueryParameterFormats;
import org.citylinks.common.Roles;
import org.citylinks.common.Sunset;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The conference and participant endpoints of the contract; the work is in {@link ConferenceService}. */
public class ConferenceResource implements ConferencesApi {

    @Inject
    PageLinks links;

    @Inject
    ConferenceService service;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uriInfo;

    @Inject
    ConferenceCalendar calendars;

    @Override
    public Response getConferenceCalendar(String q, UUID hostCityId, UUID participantCityId, LocalDate from,
            LocalDate to, String topic, String network) {
        ConferenceSearch search = new ConferenceSearch(QueryParameterFormats.text(q), hostCityId, participantCityId,
                from, to, topic, QueryParameterFormats.enumValue(Network.class, "network", network), null,
                ConferenceCalendar.MAX_EVENTS, null);
        return Response.ok(calendars.calendarOf(search))
                .type("text/calendar; charset=utf-8").build();
    }

    @Override
    public Response listConferences(String q, UUID hostCityId, UUID participantCityId, LocalDate from, LocalDate to,
            String topic, String network, String sort, Integer limit, String cursor) {
        ConferenceSearch search = new ConferenceSearch(QueryParameterFormats.text(q), hostCityId, participantCityId,
                from, to, topic, QueryParameterFormats.enumValue(Network.class, "network", network), sort,
                limit == null ? 20 : limit, cursor);
        ConferenceService.Page page = service.search(search);
        ConferencePageDto body = new ConferencePageDto()
                .items(page.conferences().stream().map(c -> ConferenceMapper.toDto(c, page.cities(), page.governments())).toList())
                .next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response createConference(ConferenceInputDto input, String idempotencyKey) {
        ConferenceService.Found created = service.create(input, user.name());
        return links.created(uriInfo, created.conference().id)
                .tag(EntityTags.tag(created.conference().version))
                .entity(ConferenceService.dto(created))
                .build();
    }

    @Override
    public Response getConference(UUID conferenceId, String ifNoneMatch) {
        ConferenceService.Found found = service.find(conferenceId)
                .orElseThrow(() -> ProblemException.notFound("conference", conferenceId));
        if (EntityTags.noneMatchHits(ifNoneMatch, found.conference().version)) {
            return Response.notModified(EntityTags.tag(found.conference().version)).build();
        }
        return ok(found);
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response replaceConference(UUID conferenceId, String ifMatch, ConferenceInputDto input) {
        return ok(service.replace(conferenceId, ifMatch, input, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response updateConference(UUID conferenceId, String ifMatch, ObjectNode patch) {
        return ok(service.patch(conferenceId, ifMatch, patch, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Response deleteConference(UUID conferenceId, String ifMatch) {
        service.delete(conferenceId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response addParticipant(UUID conferenceId, ParticipantInputDto input, String idempotencyKey,
            String ifMatch) {
        ConferenceService.Found found = service.addParticipant(conferenceId, ifMatch, input, user.name());
        return links.created(uriInfo, input.getCityId())
                .tag(EntityTags.tag(found.conference().version))
                .entity(participant(found, input.getCityId()))
                .build();
    }

    @Override
    public Response getParticipant(UUID conferenceId, UUID cityId) {
        ConferenceService.Found found = service.find(conferenceId)
                .orElseThrow(() -> ProblemException.notFound("conference", conferenceId));
        return Response.ok(participant(found, cityId)).tag(EntityTags.tag(found.conference().version)).build();
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response updateParticipant(UUID conferenceId, UUID cityId, ObjectNode patch, String ifMatch) {
        ConferenceService.Found found = service.updateParticipant(conferenceId, cityId, ifMatch, patch, user.name());
        return Response.ok(participant(found, cityId)).tag(EntityTags.tag(found.conference().version)).build();
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    @Sunset(deprecatedOn = "2026-11-23", sunsetOn = "2027-06-30")
    public Response setParticipantStatus(UUID conferenceId, UUID cityId, ParticipantStatusInputDto input,
            String ifMatch) {
        ConferenceService.Found found = service.setParticipantStatus(conferenceId, cityId, ifMatch, input, user.name());
        return Response.ok(participant(found, cityId)).tag(EntityTags.tag(found.conference().version)).build();
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response removeParticipant(UUID conferenceId, UUID cityId, String ifMatch) {
        ConferenceService.Found found = service.removeParticipant(conferenceId, cityId, ifMatch, user.name());
        return Response.noContent().tag(EntityTags.tag(found.conference().version)).build();
    }

    private static Object participant(ConferenceService.Found found, UUID cityId) {
        return ConferenceMapper.toDto(ConferenceService.participant(found.conference(), cityId), found.cities());
    }

    private static Response ok(ConferenceService.Found found) {
        return Response.ok(ConferenceService.dto(found))
                .tag(EntityTags.tag(found.conference().version)).build();
    }
}
