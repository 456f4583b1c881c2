package org.citylinks.city;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.citylinks.api.CitiesApi;
import org.citylinks.api.model.CityInputDto;
import org.citylinks.api.model.CityPageDto;
import org.citylinks.api.model.PartnerSuggestionPageDto;
import org.citylinks.api.model.PartnerPageDto;
import org.citylinks.api.model.TimelineEntryTypeDto;
import org.citylinks.api.model.TimelinePageDto;
import org.citylinks.common.CurrentUser;
import org.citylinks.common.EntityTags;
import org.citylinks.common.Idempotent;
import org.citylinks.common.PageLinks;
import org.citylinks.common.ProblemException;
import org.citylinks.common.QueryParameterFormats;
import org.citylinks.common.Roles;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The city endpoints of the contract: HTTP in, HTTP out; the work is in {@link CityService}. */
public class CityResource implements CitiesApi {

    @Inject
    PageLinks links;

    @Inject
    CityService service;

    @Inject
    CityTimeline timeline;

    @Inject
    CityImport cityImport;

    @Inject
    CityPartnerList partners;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uriInfo;

    @Inject
    CityCalendar calendars;

    @Inject
    PartnerSuggestions suggestions;

    @Override
    public Response listPartnerSuggestions(UUID cityId, String country, String field, Double maxDistanceKm,
            Integer limit, String cursor) {
        PartnerSuggestionPageDto page = suggestions.suggest(cityId, new PartnerSuggestions.Filter(
                country == null ? null : country.toUpperCase(java.util.Locale.ROOT),
                QueryParameterFormats.enumValue(CreativeField.class, "field", field), maxDistanceKm,
                limit == null ? 20 : limit, cursor));
        return links.withNext(Response.ok(page), uriInfo, page.getNext()).build();
    }

    @Override
    public Response getCityCalendar(UUID cityId, LocalDate from, LocalDate to) {
        return Response.ok(calendars.calendarOf(cityId, from, to))
                .type("text/calendar; charset=utf-8").build();
    }

    @Override
    public Response listCities(String q, String country, String network, String field, String near,
            Double radiusKm, String sort, Integer limit, String cursor) {
        CitySearch.Point point = near == null ? null : parsePoint(near);
        if (radiusKm != null && point == null) {
            throw ProblemException.invalidParameter("radiusKm", "needs near");
        }
        String text = QueryParameterFormats.text(q);
        CitySearch search = new CitySearch(text, country == null ? null : country.toUpperCase(java.util.Locale.ROOT),
                network == null ? null : QueryParameterFormats.enumValue(Network.class, "network", network),
                field == null ? null : QueryParameterFormats.enumValue(CreativeField.class, "field", field),
                point, radiusKm, sort == null ? null : CitySort.fromParameter(sort), limit == null ? 20 : limit, cursor);
        CityRepository.SearchPage page = service.search(search);
        CityPageDto body = new CityPageDto()
                .items(page.cities().stream().map(city -> CityMapper.toDto(city, page.distancesKm().get(city.id))).toList())
                .next(page.next());
        return links.withNext(Response.ok(body), uriInfo, page.next()).build();
    }

    @Override
    @Idempotent
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response createCity(CityInputDto input, String idempotencyKey) {
        City city = service.create(input, user.name());
        return links.created(uriInfo, city.id)
                .tag(EntityTags.tag(city.version))
                .entity(CityMapper.toDto(city, null))
                .build();
    }

    @Override
    public Response getCity(UUID cityId, String ifNoneMatch) {
        City city = service.find(cityId).orElseThrow(() -> ProblemException.notFound("city", cityId));
        if (EntityTags.noneMatchHits(ifNoneMatch, city.version)) {
            return Response.notModified(EntityTags.tag(city.version)).build();
        }
        return Response.ok(CityMapper.toDto(city, null)).tag(EntityTags.tag(city.version)).build();
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response replaceCity(UUID cityId, String ifMatch, CityInputDto input) {
        return updated(service.replace(cityId, ifMatch, input, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.OPERATOR })
    public Response updateCity(UUID cityId, String ifMatch, ObjectNode patch) {
        return updated(service.patch(cityId, ifMatch, patch, user.name()));
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Response deleteCity(UUID cityId, String ifMatch) {
        service.delete(cityId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed(Roles.OPERATOR)
    public Response importCities(java.io.InputStream csv) {
        return Response.ok(cityImport.run(csv, user.name())).build();
    }

    @Override
    public Response listCityPartners(UUID cityId, String relationshipType, String status, Integer limit, String cursor) {
        PartnerPageDto page = partners.partnersOf(cityId, relationshipType, status, limit == null ? 20 : limit, cursor);
        return links.withNext(Response.ok(page), uriInfo, page.getNext()).build();
    }

    @Override
    public Response getCityTimeline(UUID cityId, LocalDate from, LocalDate to, String type, String sort, Integer limit,
            String cursor) {
        if (sort != null && !sort.equals("date") && !sort.equals("-date")) {
            throw ProblemException.invalidParameter("sort", "must be one of [date, -date]");
        }
        TimelinePageDto page = timeline.of(cityId, from, to,
                QueryParameterFormats.enumValue(TimelineEntryTypeDto.class, "type", type), "-date".equals(sort),
                limit == null ? 20 : limit, cursor);
        return links.withNext(Response.ok(page), uriInfo, page.getNext()).build();
    }

    private static Response updated(City city) {
        return Response.ok(CityMapper.toDto(city, null)).tag(EntityTags.tag(city.version)).build();
    }


    private static CitySearch.Point parsePoint(String near) {
        String[] parts = near.split(",");
        double lat = Double.parseDouble(parts[0]);
        double lon = Double.parseDouble(parts[1]);
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw ProblemException.invalidParameter("near", "must be a latitude from -90 to 90 and a longitude from -180 to 180");
        }
        return new CitySearch.Point(lat, lon);
    }
}
