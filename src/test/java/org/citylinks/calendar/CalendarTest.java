package org.citylinks.calendar;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The calendar feeds, read back with ical4j as a calendar app would read them: valid RFC 5545,
 * one event per visit and conference, text that survives escaping and folding, and UIDs that stay
 * while SEQUENCE moves, so a subscribed app updates events instead of duplicating them.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class CalendarTest {

    private static final String TITLE = "Study visit; crafts, folk art \\ how to apply";
    private static final String SUMMARY = ("Chiang Mai's delegation learnt how Pekalongan — UNESCO City of Crafts "
            + "and Folk Art since 1 Dec 2014 — applied, recommended by Icheon, Aswan, Santa Fe, Hangzhou and "
            + "Kanazawa.\nNext: 한국어, العربية and 日本語 notes. ").repeat(3).strip();

    private static String ics(String path, Object... parameters) {
        return api().when().get(path, parameters).then().statusCode(200).contentType(startsWith("text/calendar"))
                .extract().asString();
    }

    private static Map<String, VEvent> events(String ics) throws Exception {
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "a line longer than 75 octets: " + line);
            assertFalse(line.contains("\n"), "a bare LF in: " + line);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> value(e, Property.UID), e -> e));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void anAgreementsLastDayIsOnBothCitiesCalendarsWithAReminderAndMovesWhenRenewed() throws Exception {
        String denpasar = Cities.newId("ID");
        String darwin = Cities.newId("AU");
        java.time.LocalDate end = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(2);
        String partnership = api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("cityIds", List.of(denpasar, darwin), "relationshipType", "SISTER_CITY", "since", "2021",
                        "signedOn", "2021-01-10", "validUntil", end.toString()))
                .when().post("/v1/partnerships").then().statusCode(201).extract().path("id");
        String uid = "agreement-end-" + partnership + "@citylinks.org";
        for (String city : List.of(denpasar, darwin)) {
            String ics = ics("/v1/cities/{id}/calendar.ics", city);
            VEvent last = events(ics).get(uid);
            assertEquals(end.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), value(last, Property.DTSTART));
            assertTrue(value(last, Property.SUMMARY).contains("sister city agreement"), value(last, Property.SUMMARY));
            // The reminder comes as far ahead as the agreement counts as EXPIRING (180 days by default).
            String event = ics.substring(ics.indexOf("UID:" + uid));
            event = event.substring(0, event.indexOf("END:VEVENT"));
            assertTrue(event.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"), event);
            assertTrue(event.contains("TRIGGER:-P180D\r\n"), event);
        }

        // A renewal moves the day; the UID stays and SEQUENCE moves on.
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("renewedOn", end.minusMonths(3).minusYears(1).toString(), "validUntil", end.plusYears(5).toString()))
                .when().post("/v1/partnerships/{id}/renewals", partnership).then().statusCode(201);
        VEvent renewed = events(ics("/v1/cities/{id}/calendar.ics", denpasar)).get(uid);
        assertEquals(end.plusYears(5).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), value(renewed, Property.DTSTART));
        assertEquals("1", value(renewed, Property.SEQUENCE));
    }

    @Test
    void aCitysCalendarHasItsVisitsAndConferencesWithStableUids() throws Exception {
        String pekalongan = Cities.create("Pekalongan " + Cities.capitalized(Cities.tag()), "ID").then()
                .extract().path("id");
        String chiangMai = Cities.newId("TH");
        String visit = api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("title", TITLE, "fromCityId", chiangMai, "toCityId", pekalongan,
                        "startDate", "2016-03-10", "mode", "IN_PERSON", "summary", SUMMARY))
                .when().post("/v1/visits").then().statusCode(201).extract().path("id");
        String conference = api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Crafts and Folk Art meeting", "hostCityId", pekalongan, "startDate", "2017-06-01",
                        "endDate", "2017-06-03", "mode", "IN_PERSON",
                        "participants", List.of(Map.of("cityId", chiangMai, "role", "DELEGATE"))))
                .when().post("/v1/conferences").then().statusCode(201).extract().path("id");

        Map<String, VEvent> events = events(ics("/v1/cities/{id}/calendar.ics", pekalongan));
        assertEquals(2, events.size(), events.keySet().toString());
        VEvent study = events.get("visit-" + visit + "@citylinks.org");
        assertEquals(TITLE, value(study, Property.SUMMARY));
        assertTrue(value(study, Property.DESCRIPTION).contains(SUMMARY), value(study, Property.DESCRIPTION));
        assertEquals("20160310", value(study, Property.DTSTART));
        assertEquals("20160311", value(study, Property.DTEND)); // the day after: DTEND is exclusive
        assertEquals("0", value(study, Property.SEQUENCE));
        VEvent meeting = events.get("conference-" + conference + "@citylinks.org");
        assertEquals("20170601", value(meeting, Property.DTSTART));
        assertEquals("20170604", value(meeting, Property.DTEND));

        // The participant's calendar has the conference under the same UID.
        assertTrue(events(ics("/v1/cities/{id}/calendar.ics", chiangMai)).containsKey("conference-" + conference + "@citylinks.org"));

        // A change keeps the UID and moves SEQUENCE on; a deletion drops the event.
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("startDate", "2016-03-11")).when().patch("/v1/visits/{id}", visit).then().statusCode(200);
        api(TestTokens.operator()).header("If-Match", "\"0\"").when().delete("/v1/conferences/{id}", conference)
                .then().statusCode(204);
        Map<String, VEvent> after = events(ics("/v1/cities/{id}/calendar.ics", pekalongan));
        assertEquals(1, after.size());
        assertEquals("1", value(after.get("visit-" + visit + "@citylinks.org"), Property.SEQUENCE));
        assertEquals("20160311", value(after.get("visit-" + visit + "@citylinks.org"), Property.DTSTART));

        // Only those that overlap the range.
        assertEquals(0, events(api().queryParam("from", "2020-01-01").when()
                .get("/v1/cities/{id}/calendar.ics", pekalongan).then().statusCode(200).extract().asString()).size());
        api().when().get("/v1/cities/{id}/calendar.ics", java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theConferenceCalendarTakesTheListsFilters() throws Exception {
        String london = Cities.newId("GB");
        String jakarta = Cities.newId("ID");
        String round3 = api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Leadership Exchange Programme, round 3", "hostCityId", london,
                        "startDate", "2019-10-01", "mode", "IN_PERSON", "network", "WCCF",
                        "participants", List.of(Map.of("cityId", jakarta, "role", "DELEGATE", "track", "Co-created public art"))))
                .when().post("/v1/conferences").then().statusCode(201).extract().path("id");

        Map<String, VEvent> events = events(api().queryParam("participantCityId", jakarta).queryParam("network", "WCCF")
                .when().get("/v1/conferences/calendar.ics").then().statusCode(200).extract().asString());
        assertEquals(List.of("conference-" + round3 + "@citylinks.org"), List.copyOf(events.keySet()));
        assertEquals("Leadership Exchange Programme, round 3", value(events.values().iterator().next(), Property.SUMMARY));

        invalidRequest().queryParam("network", "NONE").when().get("/v1/conferences/calendar.ics")
                .then().statusCode(400).body("errors[0].parameter", equalTo("network"));
    }
}
