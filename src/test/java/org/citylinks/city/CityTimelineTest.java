package org.citylinks.city;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class CityTimelineTest {

    private static String post(String path, Map<String, Object> body) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(201).extract().path("id");
    }

    /** Ambon's story: a membership, a proposal to Metz, a virtual meeting, an invitation to speak. */
    private record Story(String ambon, String metz, String proposal, String visit, String conference) {
    }

    private static Story story() {
        String ambon = Cities.create(Map.of("name", "Ambon", "countryCode", "ID",
                "memberships", List.of(Map.of("network", "UCCN", "field", "MUSIC", "since", 2019)))).path("id");
        String metz = Cities.newId("FR");
        String proposal = post("/v1/proposals", Map.of("title", "Cities of Music", "proposerCityId", ambon,
                "partnerCityId", metz, "relationshipType", "THEMATIC_PARTNERSHIP", "draftedOn", "2022-11-15",
                "visibility", "PUBLIC"));
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("to", "SUBMITTED", "date", "2022-11-20"))
                .when().post("/v1/proposals/{id}/transitions", proposal).then().statusCode(200);
        String visit = post("/v1/visits", Map.of("title", "Virtual meeting on music programmes", "fromCityId", ambon,
                "toCityId", metz, "startDate", "2022-11-24", "mode", "VIRTUAL", "proposalId", proposal));
        String conference = post("/v1/conferences", Map.of("name", "Youth and Artistic Conference",
                "hostCityId", metz, "startDate", "2023-04-14", "mode", "IN_PERSON",
                "participants", List.of(Map.of("cityId", ambon, "role", "SPEAKER"))));
        return new Story(ambon, metz, proposal, visit, conference);
    }

    @Test
    void theTimelineListsEverythingInDateOrderWithTheIdToFollow() {
        Story story = story();
        Response timeline = api().queryParam("to", "2025-12-31")
                .when().get("/v1/cities/{id}/timeline", story.ambon())
                .then().statusCode(200)
                .body("items.type", contains("MEMBERSHIP", "PROPOSAL_EVENT", "PROPOSAL_EVENT", "VISIT", "CONFERENCE"))
                .body("items.date", contains("2019-01-01", "2022-11-15", "2022-11-20", "2022-11-24", "2023-04-14"))
                .body("items.resourceId", contains(story.ambon(), story.proposal(), story.proposal(), story.visit(),
                        story.conference()))
                .body("items[0].title", equalTo("Joined UCCN (MUSIC)"))
                .body("items[1].title", equalTo("Cities of Music: drafted"))
                .body("items[2].title", equalTo("Cities of Music: DRAFT → SUBMITTED"))
                .body("items[3].href", equalTo("/v1/visits/" + story.visit()))
                .body("items[3].otherCity.id", equalTo(story.metz()))
                .extract().response();
        api().when().get((String) timeline.path("items[4].href")).then().statusCode(200);

        // The host's timeline has the conference too, and filters by type and pages newest first.
        api().queryParam("type", "CONFERENCE").when().get("/v1/cities/{id}/timeline", story.metz()).then()
                .body("items.resourceId", contains(story.conference()));
        Response newest = api().queryParam("sort", "-date").queryParam("limit", 2)
                .when().get("/v1/cities/{id}/timeline", story.ambon()).then()
                .body("items", hasSize(2)).body("items.type", contains("CONFERENCE", "VISIT")).extract().response();
        api().queryParam("sort", "-date").queryParam("limit", 2).queryParam("cursor", (String) newest.path("next"))
                .when().get("/v1/cities/{id}/timeline", story.ambon()).then()
                .body("items.type", contains("PROPOSAL_EVENT", "PROPOSAL_EVENT"))
                .body("items.date", contains("2022-11-20", "2022-11-15"));
    }

    @Test
    void aCityThatOthersReferToCannotBeDeleted() {
        Story story = story();
        api(TestTokens.operator()).header("If-Match", "\"0\"").when().delete("/v1/cities/{id}", story.ambon())
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/still-referenced"))
                .body("referencedBy.visits", equalTo(1))
                .body("referencedBy.conferences", equalTo(1))
                .body("referencedBy.proposals", equalTo(1))
                .body("detail", equalTo("City Ambon cannot be deleted: 1 visit, 1 conference and 1 proposal"
                        + " still refer to it. Delete or change those first."));
        api().when().get("/v1/cities/{id}", story.ambon()).then().statusCode(200);

        // Once nothing refers to it, it can go.
        String lonely = Cities.newId("ID");
        api(TestTokens.operator()).header("If-Match", "\"0\"").when().delete("/v1/cities/{id}", lonely)
                .then().statusCode(204);
    }

    @Test
    void anUnknownCityHasNoTimeline() {
        api().when().get("/v1/cities/{id}/timeline", "3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11").then().statusCode(404);
    }
}
