package org.citylinks.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.citylinks.city.CityCalendar;
import org.citylinks.city.CityDirectory;
import org.citylinks.common.ProblemException;
import org.citylinks.common.PageLinks;
import org.citylinks.conference.Conference;
import org.citylinks.conference.ConferenceCalendar;
import org.citylinks.conference.ConferenceSearch;
import org.citylinks.conference.ConferenceService;
import org.citylinks.visit.Visit;
import org.citylinks.visit.VisitSearch;
import org.citylinks.visit.VisitService;
import org.citylinks.city.CitySummary;
import org.citylinks.partnership.PartnershipService;

/**
 * The iCalendar feeds: a city's visits, conferences and agreements' last days, and the conferences of a list query. The
 * events come from the features' own searches, so a feed holds what the lists would, page after
 * page, up to {@link #MAX_EVENTS}.
 */
@ApplicationScoped
public class Calendars implements CityCalendar, ConferenceCalendar {

    private static final int PAGE = 100;

    @Inject
    PageLinks links;

    @Inject
    VisitService visits;

    @Inject
    ConferenceService conferences;

    @Inject
    CityDirectory cities;

    @Inject
    PartnershipService partnerships;

    /**
     * Visits from or to the city, conferences it hosts or takes part in, and the last days of its
     * partnerships' agreements; 404 without the city.
     */
    @Override
    public String calendarOf(UUID cityId, LocalDate from, LocalDate to) {
        CitySummary city = cities.summaries(List.of(cityId)).get(cityId);
        if (city == null) {
            throw ProblemException.notFound("city", cityId);
        }
        Map<UUID, ICalendarWriter.Event> events = new LinkedHashMap<>();
        collect(cursor -> visits.search(new VisitSearch(null, cityId, null, null, from, to, null, null, null, PAGE, cursor)),
                page -> page.next(), page -> page.visits().stream().map(v -> visit(v, page.cities(), links)).toList(), events);
        collect(cursor -> conferences.search(new ConferenceSearch(null, cityId, null, from, to, null, null, null, PAGE,
                cursor)), ConferenceService.Page::next,
                page -> page.conferences().stream().map(c -> conference(c, page.cities(), links)).toList(), events);
        collect(cursor -> conferences.search(new ConferenceSearch(null, null, cityId, from, to, null, null, null, PAGE,
                cursor)), ConferenceService.Page::next,
                page -> page.conferences().stream().map(c -> conference(c, page.cities(), links)).toList(), events);
        for (PartnershipService.AgreementEnd end : partnerships.agreementEndsOf(cityId, from, to, MAX_EVENTS)) {
            events.putIfAbsent(end.partnershipId(), agreementEnd(end, links));
        }
        return ICalendarWriter.calendar(city.name() + " (CityLinks)", latest(events));
    }

    @Override
    public String calendarOf(ConferenceSearch search) {
        Map<UUID, ICalendarWriter.Event> events = new LinkedHashMap<>();
        collect(cursor -> conferences.search(new ConferenceSearch(search.text(), search.hostCityId(),
                search.participantCityId(), search.from(), search.to(), search.topic(), search.network(), null, PAGE,
                cursor)), ConferenceService.Page::next,
                page -> page.conferences().stream().map(c -> conference(c, page.cities(), links)).toList(), events);
        return ICalendarWriter.calendar("Conferences (CityLinks)", latest(events));
    }

    /** Reads pages until the feed is full or the list ends; the first event of an id is kept. */
    private static <P> void collect(Function<String, P> read, Function<P, String> next,
            Function<P, List<Keyed>> events, Map<UUID, ICalendarWriter.Event> into) {
        String cursor = null;
        int collected = 0;
        do {
            P page = read.apply(cursor);
            for (Keyed event : events.apply(page)) {
                into.putIfAbsent(event.id(), event.event());
                collected++;
            }
            cursor = next.apply(page);
        } while (cursor != null && collected < MAX_EVENTS);
    }

    private static List<ICalendarWriter.Event> latest(Map<UUID, ICalendarWriter.Event> events) {
        List<ICalendarWriter.Event> sorted = new ArrayList<>(events.values());
        sorted.sort(Comparator.comparing(ICalendarWriter.Event::firstDay).reversed().thenComparing(ICalendarWriter.Event::uid));
        return sorted.size() > MAX_EVENTS ? sorted.subList(0, MAX_EVENTS) : sorted;
    }

    private record Keyed(UUID id, ICalendarWriter.Event event) {
    }

    private static Keyed visit(Visit visit, Map<UUID, CitySummary> cities, PageLinks links) {
        CitySummary from = cities.get(visit.fromCityId);
        CitySummary to = cities.get(visit.toCityId);
        String description = join("Delegation from " + from.name() + " to " + to.name()
                + (visit.mode == null ? "" : " (" + visit.mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")")
                + ".", visit.purpose, visit.summary, visit.facilitator == null ? null : "Facilitated by " + visit.facilitator + ".");
        return new Keyed(visit.id, new ICalendarWriter.Event("visit-" + visit.id + "@citylinks.org", visit.startDate,
                visit.endDate, visit.title, description, place(to), links.absolute("/v1/visits/" + visit.id).orElse(null),
                visit.version, visit.createdAt, visit.updatedAt, "Visit"));
    }

    private static Keyed conference(Conference conference, Map<UUID, CitySummary> cities, PageLinks links) {
        CitySummary host = cities.get(conference.hostCityId);
        String description = join(conference.organizer == null ? null : "Organised by " + conference.organizer + ".",
                conference.description);
        return new Keyed(conference.id, new ICalendarWriter.Event("conference-" + conference.id + "@citylinks.org",
                conference.startDate, conference.endDate, conference.name, description, place(host),
                links.absolute("/v1/conferences/" + conference.id).orElse(null), conference.version, conference.createdAt,
                conference.updatedAt, "Conference"));
    }

    /** The last day of an agreement, with a reminder as far ahead as it counts as expiring. */
    private static ICalendarWriter.Event agreementEnd(PartnershipService.AgreementEnd end, PageLinks links) {
        String type = end.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String summary = "Last day of the " + type + " agreement with " + end.partnerName();
        String description = "The " + type + " agreement with " + end.partnerName() + " (" + end.partnerCountryCode()
                + ") is in force until this day unless it is renewed.";
        return new ICalendarWriter.Event("agreement-end-" + end.partnershipId() + "@citylinks.org", end.validUntil(),
                end.validUntil(), summary, description, null,
                links.absolute("/v1/partnerships/" + end.partnershipId()).orElse(null), end.version(), end.createdAt(),
                end.updatedAt(), "Agreement end", end.warnDaysBefore() > 0 ? end.warnDaysBefore() : null);
    }

    private static String place(CitySummary city) {
        return city == null ? null : city.name() + ", " + city.countryCode();
    }

    private static String join(String... parts) {
        return String.join("\n\n", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }
}
