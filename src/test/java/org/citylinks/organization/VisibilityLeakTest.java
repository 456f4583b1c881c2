package org.citylinks.organization;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A private record does not exist for anyone but its parties: one test per read path, each
 * asking as an outsider (anonymous, and an editor of an unrelated organisation), who must find
 * nothing, and as a party, who must find it (so that an empty answer is not an accident).
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityLeakTest {

    private String word;
    private String ambon;
    private String metz;
    private String darwin;
    private String visit;
    private String conference;
    private String proposal;
    private String partnership;
    private String feedStart;
    private Map<String, Object> partnershipBefore;
    private String party;
    private String outsider;

    /** Made once, by the first test (the HTTP port is known only once the tests run). */
    private boolean made;

    private synchronized void privateRecords() {
        if (made) {
            return;
        }
        made = true;
        word = Cities.tag();
        ambon = Cities.createAt(Cities.capitalized(Cities.tag()), "ID", -3.69, 128.18).path("id");
        metz = Cities.createAt(Cities.capitalized(Cities.tag()), "FR", 49.12, 6.18).path("id");
        darwin = Cities.newId("AU");
        UUID ambonOffice = Organizations.governmentOf(ambon);
        Organizations.governmentOf(metz);
        party = Organizations.editorOf(ambonOffice);
        outsider = Organizations.editorOf(Organizations.governmentOf(Cities.newId("TH")));
        partnership = api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("cityIds", List.of(ambon, metz), "relationshipType", "FRIENDSHIP_CITY", "since", "2019"))
                .post("/v1/partnerships").then().statusCode(201).extract().path("id");
        partnershipBefore = api().get("/v1/partnerships/{id}", partnership).jsonPath().getMap("");
        feedStart = api().queryParam("since", "now").get("/v1/changes").jsonPath().getString("next");
        visit = create(party, "/v1/visits", Map.of("title", "Secret " + word, "fromCityId", ambon, "toCityId", metz,
                "startDate", "2026-11-20", "mode", "VIRTUAL", "visibility", "PARTIES"));
        create(party, "/v1/visits", Map.of("title", "Exploring " + word, "fromCityId", ambon, "toCityId", darwin,
                "startDate", "2026-11-20", "mode", "VIRTUAL", "visibility", "PARTIES"));
        conference = create(party, "/v1/conferences", Map.of("name", "Closed " + word, "hostCityId", ambon,
                "startDate", "2026-11-21", "mode", "VIRTUAL", "visibility", "PARTIES",
                "participants", List.of(Map.of("cityId", darwin, "role", "SPEAKER"))));
        proposal = create(party, "/v1/proposals", Map.of("title", "Draft " + word, "proposerCityId", ambon,
                "partnerCityId", metz, "relationshipType", "SISTER_CITY"));
    }

    private static String create(String token, String path, Map<String, Object> body) {
        return api(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract().path("id");
    }

    /** Who must find nothing: fresh requests of an anonymous caller and of an unrelated organisation's editor. */
    private List<java.util.function.Supplier<RequestSpecification>> outsiders() {
        return List.of(() -> api(), () -> api(outsider));
    }

    @Test
    void aNewProposalIsPrivateToItsPartiesByDefault() {
        privateRecords();
        api(party).get("/v1/proposals/{id}", proposal).then().statusCode(200).body("visibility", equalTo("PARTIES"));
        for (java.util.function.Supplier<RequestSpecification> asker : outsiders()) {
            asker.get().get("/v1/proposals/{id}", proposal).then().statusCode(404)
                    .body("detail", equalTo("There is no proposal with id " + proposal + "."));
        }
    }

    @Test
    void theListsLeaveThemOut() {
        privateRecords();
        for (java.util.function.Supplier<RequestSpecification> asker : outsiders()) {
            asker.get().queryParam("cityId", ambon).get("/v1/visits").then().statusCode(200).body("items", equalTo(List.of()));
            asker.get().queryParam("hostCityId", ambon).get("/v1/conferences").then().statusCode(200)
                    .body("items", equalTo(List.of()));
            asker.get().queryParam("cityId", ambon).get("/v1/proposals").then().statusCode(200)
                    .body("items", equalTo(List.of()));
        }
        api(party).queryParam("cityId", ambon).get("/v1/visits").then().body("items.id", hasItem(visit));
        api(party).queryParam("hostCityId", ambon).get("/v1/conferences").then().body("items.id", hasItem(conference));
        api(party).queryParam("cityId", ambon).get("/v1/proposals").then().body("items.id", hasItem(proposal));
    }

    @Test
    void theGlobalSearchLeavesThemOut() {
        privateRecords();
        for (java.util.function.Supplier<RequestSpecification> asker : outsiders()) {
            asker.get().queryParam("q", word).get("/v1/search").then().statusCode(200).body("items", equalTo(List.of()));
        }
        api(party).queryParam("q", word).get("/v1/search").then().body("items.id", hasItems(visit, conference, proposal));
    }

    @Test
    void theTimelineLeavesThemOut() {
        privateRecords();
        for (java.util.function.Supplier<RequestSpecification> asker : outsiders()) {
            asker.get().get("/v1/cities/{id}/timeline", ambon).then().statusCode(200)
                    .body("items.resourceId", not(hasItem(visit))).body("items.resourceId", not(hasItem(conference)))
                    .body("items.resourceId", not(hasItem(proposal)));
        }
        api(party).get("/v1/cities/{id}/timeline", ambon).then()
                .body("items.resourceId", hasItems(visit, conference, proposal));
    }

    @Test
    void theCalendarsLeaveThemOut() {
        privateRecords();
        for (java.util.function.Supplier<RequestSpecification> asker : outsiders()) {
            String city = asker.get().get("/v1/cities/{id}/calendar.ics", ambon).then().statusCode(200).extract().asString();
            assertFalse(city.contains(word), city);
            String conferences = asker.get().queryParam("hostCityId", ambon).get("/v1/conferences/calendar.ics").then()
                    .statusCode(200).extract().asString();
            assertFalse(conferences.contains(word), conferences);
        }
        assertTrue(api(party).get("/v1/cities/{id}/calendar.ics", ambon).asString().contains("Secret " + word));
        assertTrue(api(party).queryParam("hostCityId", ambon).get("/v1/conferences/calendar.ics").asString()
                .contains("Closed " + word));
    }

    @Test
    void thePartnershipCountsAndTheMapCountPublicActivityOnly() {
        privateRecords();
        for (String token : new String[] { null, outsider, party }) {
            JsonPath now = (token == null ? api() : api(token)).get("/v1/partnerships/{id}", partnership).then().statusCode(200).extract().jsonPath();
            assertEquals(partnershipBefore.get("activityCount"), now.get("activityCount"));
            assertEquals(partnershipBefore.get("lastActivityOn"), now.get("lastActivityOn"));
            assertEquals(partnershipBefore.get("health"), now.get("health"));
        }
        List<Map<String, Object>> features = api().queryParam("limit", 1000).get("/v1/partnerships/map").jsonPath()
                .getList("features.findAll { it.id == '" + partnership + "' }.properties");
        assertEquals(1, features.size(), "the partnership is on the map");
        features.forEach(properties -> assertEquals(partnershipBefore.get("health"), properties.get("health")));
    }

    @Test
    void partnerSuggestionsGiveNoReasonFromThem() {
        privateRecords();
        for (java.util.function.Supplier<RequestSpecification> asker : outsiders()) {
            asker.get().get("/v1/cities/{id}/partner-suggestions", ambon).then().statusCode(200)
                    .body("items.city.id", not(hasItem(darwin)));
        }
        api(party).get("/v1/cities/{id}/partner-suggestions", ambon).then().statusCode(200)
                .body("items.find { it.city.id == '" + darwin + "' }.reasons.kind", hasItems("PAST_VISITS",
                        "SHARED_CONFERENCES"));
    }

    @Test
    void theChangeFeedLeavesThemOut() {
        privateRecords();
        for (java.util.function.Supplier<RequestSpecification> asker : outsiders()) {
            asker.get().queryParam("since", feedStart).queryParam("limit", 1000).get("/v1/changes").then().statusCode(200)
                    .body("items.id", not(hasItem(visit))).body("items.id", not(hasItem(conference)))
                    .body("items.id", not(hasItem(proposal)));
        }
        api(party).queryParam("since", feedStart).queryParam("limit", 1000).get("/v1/changes").then()
                .body("items.id", hasItems(visit, conference, proposal));
    }

    @Test
    void aRecordThatLeavesSightArrivesInTheFeedAsARemoval() {
        privateRecords();
        String shown = create(party, "/v1/visits", Map.of("title", "Shown " + word, "fromCityId", ambon,
                "toCityId", metz, "startDate", "2026-11-22", "mode", "VIRTUAL"));
        String from = api().queryParam("since", feedStart).queryParam("limit", 1000).get("/v1/changes").then()
                .body("items.find { it.id == '" + shown + "' }.change", equalTo("CREATED")).extract().path("next");
        String tag = api().get("/v1/visits/{id}", shown).header("ETag");
        api(outsider).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("visibility", "PARTIES")).patch("/v1/visits/{id}", shown).then().statusCode(403)
                .body("detail", containsString("owner"));
        api(party).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("visibility", "PARTIES")).patch("/v1/visits/{id}", shown).then().statusCode(200);
        api().queryParam("since", from).get("/v1/changes").then()
                .body("items.findAll { it.id == '" + shown + "' }.change", equalTo(List.of("DELETED")));
        api().get("/v1/visits/{id}", shown).then().statusCode(404);
        api(party).queryParam("since", from).get("/v1/changes").then()
                .body("items.findAll { it.id == '" + shown + "' }.change", equalTo(List.of("UPDATED")));
    }
}
