package org.citylinks.partnership;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A partnership reports the activity between its cities, and its health, from data written in
 * the same request: no job has to run first. Dates are relative to today, as health is.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class PartnershipHealthTest {

    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    private static Response post(String path, Map<String, Object> body) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(201).extract().response();
    }

    private static Response get(String partnership) {
        return api().when().get("/v1/partnerships/{id}", partnership).then().statusCode(200).extract().response();
    }

    @Test
    void activityBetweenTheTwoCitiesMovesHealthAndTheETag() {
        String denpasar = Cities.newId("ID");
        String darwin = Cities.newId("AU");
        Response tie = post("/v1/partnerships", Map.of("cityIds", List.of(denpasar, darwin),
                "relationshipType", "SISTER_CITY", "since", "2010"));
        String id = tie.path("id");
        tie.then().body("health", equalTo("DORMANT")).body("activityCount", equalTo(0))
                .body("lastActivityOn", nullValue());
        String quietTag = tie.header("ETag");

        // A visit three years ago: QUIET, and a new ETag, so a cached copy is not "not modified".
        String threeYearsAgo = TODAY.minusYears(3).toString();
        String visit = post("/v1/visits", Map.of("title", "Virtual sharing session", "fromCityId", denpasar,
                "toCityId", darwin, "startDate", TODAY.minusYears(4).toString(), "mode", "VIRTUAL")).path("id");
        // Moved a year later by a patch: the activity follows the change, not just the creation.
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("startDate", threeYearsAgo)).when().patch("/v1/visits/{id}", visit).then().statusCode(200);
        Response afterVisit = get(id);
        afterVisit.then().body("health", equalTo("QUIET")).body("activityCount", equalTo(1))
                .body("lastActivityOn", equalTo(threeYearsAgo));
        api().header("If-None-Match", quietTag).when().get("/v1/partnerships/{id}", id).then().statusCode(200);

        // A conference last month that both take part in: ACTIVE.
        String lastMonth = TODAY.minusMonths(1).toString();
        String conference = post("/v1/conferences", Map.of("name", "Youth and Artistic Conference",
                "hostCityId", darwin, "startDate", lastMonth, "mode", "IN_PERSON",
                "participants", List.of(Map.of("cityId", denpasar, "role", "SPEAKER")))).path("id");
        get(id).then().body("health", equalTo("ACTIVE")).body("activityCount", equalTo(2))
                .body("lastActivityOn", equalTo(lastMonth));
        api().queryParam("cityId", denpasar).queryParam("health", "ACTIVE").when().get("/v1/partnerships")
                .then().statusCode(200).body("items.id", hasItem(id));
        api().queryParam("cityId", denpasar).queryParam("health", "QUIET").when().get("/v1/partnerships")
                .then().statusCode(200).body("items.id", not(hasItem(id)));

        // The conference goes: back to QUIET, at once.
        String conferenceTag = api().when().get("/v1/conferences/{id}", conference).then().extract().header("ETag");
        api(TestTokens.operator()).header("If-Match", conferenceTag).when().delete("/v1/conferences/{id}", conference)
                .then().statusCode(204);
        get(id).then().body("health", equalTo("QUIET")).body("activityCount", equalTo(1));

        // A proposal between them, drafted today, counts too.
        post("/v1/proposals", Map.of("title", "Tourism and creative economy", "proposerCityId", darwin,
                "partnerCityId", denpasar, "relationshipType", "SISTER_CITY", "visibility", "PUBLIC"));
        get(id).then().body("health", equalTo("ACTIVE")).body("activityCount", equalTo(2))
                .body("lastActivityOn", equalTo(TODAY.toString()));
    }

    @Test
    void aRecentTieWithNoActivityYetIsActiveAndAnUnknownHealthIs400() {
        String a = Cities.newId("ID");
        String b = Cities.newId("FR");
        post("/v1/partnerships", Map.of("cityIds", List.of(a, b), "relationshipType", "FRIENDSHIP_CITY",
                "since", TODAY.minusMonths(2).toString())).then().body("health", equalTo("ACTIVE"));
        invalidRequest().queryParam("health", "SLEEPY").when().get("/v1/partnerships").then().statusCode(400)
                .body("errors[0].parameter", equalTo("health"));
    }
}
