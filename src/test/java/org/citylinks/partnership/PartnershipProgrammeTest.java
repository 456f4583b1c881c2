package org.citylinks.partnership;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * The programmes a partnership carries out: how their status moves, how that shows in the
 * partnership's counts and health, and which visits and conferences may serve as their evidence.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class PartnershipProgrammeTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Response post(String path, Map<String, Object> body, Object... parameters) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body).when().post(path, parameters);
    }

    private static ValidatableResponse patch(String partnership, int number, Map<String, Object> body) {
        return api(TestTokens.operator()).contentType("application/merge-patch+json").body(body).when()
                .patch("/v1/partnerships/{id}/programmes/{n}", partnership, number).then();
    }

    /** A patch the contract's schema refuses: sent without the client-side contract check. */
    private static ValidatableResponse badPatch(String partnership, int number, Map<String, Object> body) {
        return org.citylinks.common.Api.invalidRequest(TestTokens.operator()).contentType("application/merge-patch+json")
                .body(body).when().patch("/v1/partnerships/{id}/programmes/{n}", partnership, number).then();
    }

    @Test
    void aProgrammesProgressMovesTheCountsAndHealth() {
        String denpasar = Cities.newId("ID");
        String darwin = Cities.newId("AU");
        Response tie = post("/v1/partnerships", Map.of("cityIds", List.of(denpasar, darwin),
                "relationshipType", "SISTER_CITY", "since", "2010"));
        String id = tie.path("id");
        tie.then().body("health", equalTo("DORMANT")).body("programmeProgress.planned", equalTo(0));

        // Four fields explored in the virtual sharing session of 20 Nov 2020, added as programmes.
        for (String title : List.of("Tourism", "Creative economy", "Human resources and IT",
                "Cultural exchange and trade access for small businesses")) {
            post("/v1/partnerships/{id}/programmes", Map.of("title", title), id).then().statusCode(201)
                    .body("status", equalTo("PLANNED")).body("fromProposal", equalTo(false));
        }
        String tag = api().when().get("/v1/partnerships/{id}", id).then()
                .body("programmeProgress.planned", equalTo(4)).extract().header("ETag");
        api().when().get("/v1/partnerships/{id}/programmes", id).then().statusCode(200)
                .body("items.number", equalTo(List.of(1, 2, 3, 4)));

        // Under way since last month: the partnership is ACTIVE again, its ETag moved.
        String lastMonth = TODAY.minusMonths(1).toString();
        Response moved = api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("status", "IN_PROGRESS", "startedOn", lastMonth)).when()
                .patch("/v1/partnerships/{id}/programmes/1", id);
        moved.then().statusCode(200).body("startedOn", equalTo(lastMonth)).body("finishedOn", nullValue());
        api().when().get("/v1/partnerships/{id}", id).then().header("ETag", moved.header("ETag"))
                .body("health", equalTo("ACTIVE")).body("lastActivityOn", equalTo(lastMonth))
                .body("programmeProgress.inProgress", equalTo(1)).body("programmeProgress.planned", equalTo(3));
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("notes", "Stale")).when().patch("/v1/partnerships/{id}/programmes/2", id).then()
                .statusCode(412);

        // Done today (the day of the change when finishedOn is left out); another one dropped.
        patch(id, 1, Map.of("status", "DONE")).statusCode(200).body("finishedOn", equalTo(TODAY.toString()));
        patch(id, 2, Map.of("status", "DROPPED", "notes", "No budget this year.")).statusCode(200);
        api().queryParam("status", "DONE").when().get("/v1/partnerships/{id}/programmes", id).then()
                .body("items.number", equalTo(List.of(1)));
        api().when().get("/v1/partnerships/{id}", id).then().body("programmeProgress.done", equalTo(1))
                .body("programmeProgress.dropped", equalTo(1)).body("lastActivityOn", equalTo(TODAY.toString()));

        // Back to PLANNED clears the dates; a date the status does not allow is refused, naming it.
        patch(id, 1, Map.of("status", "PLANNED")).statusCode(200).body("startedOn", nullValue())
                .body("finishedOn", nullValue());
        patch(id, 3, Map.of("startedOn", lastMonth)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/startedOn"));
        patch(id, 3, Map.of("status", "IN_PROGRESS", "finishedOn", lastMonth)).statusCode(422)
                .body("errors[0].pointer", equalTo("/finishedOn"));
        patch(id, 3, Map.of("status", "DONE", "startedOn", lastMonth, "finishedOn", TODAY.minusMonths(2).toString()))
                .statusCode(422).body("errors[0].pointer", equalTo("/finishedOn"));
        patch(id, 3, Map.of("status", "IN_PROGRESS", "startedOn", TODAY.plusDays(2).toString())).statusCode(422)
                .body("errors[0].pointer", equalTo("/startedOn"));
        badPatch(id, 3, Map.of("title", "")).statusCode(422).body("errors[0].pointer", equalTo("/title"));
        badPatch(id, 3, Map.of("number", 7)).statusCode(422).body("errors[0].pointer", equalTo("/number"));
        badPatch(id, 3, Map.of("colour", "red")).statusCode(400);
        api().when().get("/v1/partnerships/{id}/programmes/3", id).then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("title", equalTo("Human resources and IT"));
        api().when().get("/v1/partnerships/{id}/programmes/9", id).then().statusCode(404);
        org.citylinks.common.Api.invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("title", "Read-only", "number", 3)).when().post("/v1/partnerships/{id}/programmes", id)
                .then().statusCode(422)
                .body("errors[0].pointer", equalTo("/number"));
    }

    @Test
    void onlyVisitsAndConferencesBetweenTheTwoCitiesServeItsProgrammes() {
        String chiangMai = Cities.newId("TH");
        String pekalongan = Cities.newId("ID");
        String icheon = Cities.newId("KR");
        String id = post("/v1/partnerships", Map.of("cityIds", List.of(chiangMai, pekalongan),
                "relationshipType", "FRIENDSHIP_CITY", "since", "2016")).path("id");
        post("/v1/partnerships/{id}/programmes", Map.of("title", "Learning how to apply to the UCCN"), id).then()
                .statusCode(201);
        String evidence = "/v1/partnerships/{id}/programmes/1/evidence";

        String study = post("/v1/visits", Map.of("title", "Learning how to apply", "fromCityId", chiangMai,
                "toCityId", pekalongan, "startDate", "2016-03-10", "mode", "IN_PERSON")).path("id");
        String elsewhere = post("/v1/visits", Map.of("title", "Recommendation", "fromCityId", chiangMai,
                "toCityId", icheon, "startDate", "2016-05-10", "mode", "IN_PERSON")).path("id");
        String onlyOne = post("/v1/conferences", Map.of("name", "Crafts forum", "hostCityId", icheon,
                "startDate", "2016-06-01", "mode", "IN_PERSON",
                "participants", List.of(Map.of("cityId", pekalongan, "role", "SPEAKER")))).path("id");
        String both = post("/v1/conferences", Map.of("name", "Creative cities meeting", "hostCityId", icheon,
                "startDate", "2016-07-01", "mode", "IN_PERSON",
                "participants", List.of(Map.of("cityId", pekalongan, "role", "SPEAKER"),
                        Map.of("cityId", chiangMai, "role", "DELEGATE")))).path("id");

        post(evidence, Map.of("type", "VISIT", "id", elsewhere), id).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/id"))
                .body("errors[0].message", containsString("other cities"));
        post(evidence, Map.of("type", "CONFERENCE", "id", onlyOne), id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/id"));
        post(evidence, Map.of("type", "CONFERENCE", "id", study), id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/id")); // a visit's id named as a conference
        post(evidence, Map.of("type", "VISIT", "id", UUID.randomUUID().toString()), id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/id"));
        post(evidence, Map.of("type", "VISIT", "id", study), id).then().statusCode(201)
                .body("type", equalTo("VISIT")).body("startDate", equalTo("2016-03-10"));
        post(evidence, Map.of("type", "VISIT", "id", study), id).then().statusCode(409);
        post(evidence, Map.of("type", "CONFERENCE", "id", both), id).then().statusCode(201);
        api().when().get("/v1/partnerships/{id}/programmes/1", id).then()
                .body("evidence.id", equalTo(List.of(study, both)))
                .body("evidence.type", equalTo(List.of("VISIT", "CONFERENCE")));

        // Unlinked: the link goes, the visit stays.
        api(TestTokens.operator()).when().delete(evidence + "/{record}", id, study).then().statusCode(204);
        api(TestTokens.operator()).when().delete(evidence + "/{record}", id, study).then().statusCode(404);
        api().when().get("/v1/visits/{id}", study).then().statusCode(200);
        api().when().get("/v1/partnerships/{id}/programmes/1", id).then().body("evidence.id", equalTo(List.of(both)));

        // A deleted conference leaves the evidence with it.
        String tag = api().when().get("/v1/conferences/{id}", both).header("ETag");
        api(TestTokens.operator()).header("If-Match", tag).when().delete("/v1/conferences/{id}", both).then()
                .statusCode(204);
        api().when().get("/v1/partnerships/{id}/programmes/1", id).then().body("evidence", empty());
    }

    @Test
    void evidenceOthersMayNotSeeStaysOutOfWhatTheyRead() {
        String ambon = Cities.newId("ID");
        String metz = Cities.newId("FR");
        UUID ambonOffice = org.citylinks.organization.Organizations.create("Ambon Music Office", "CITY_GOVERNMENT", ambon);
        String ambonEditor = org.citylinks.organization.Organizations.editorOf(ambonOffice);
        String id = post("/v1/partnerships", Map.of("cityIds", List.of(ambon, metz), "relationshipType",
                "THEMATIC_PARTNERSHIP", "since", "2023")).path("id");
        api(ambonEditor).contentType(ContentType.JSON).body(Map.of("title", "Music teacher exchange"))
                .when().post("/v1/partnerships/{id}/programmes", id).then().statusCode(201);
        // A planning visit kept between the parties.
        String planning = api(ambonEditor).contentType(ContentType.JSON).body(Map.of("title", "Planning the exchange",
                "fromCityId", ambon, "toCityId", metz, "startDate", "2023-02-01", "mode", "VIRTUAL",
                "visibility", "PARTIES")).when().post("/v1/visits").then().statusCode(201).extract().path("id");
        String outsider = org.citylinks.organization.Organizations.editorOf(
                org.citylinks.organization.Organizations.create("Metz music school", "OTHER", null));
        // Metz has no government here: an outsider may not link it, and cannot learn it exists.
        api(outsider).contentType(ContentType.JSON).body(Map.of("type", "VISIT", "id", planning))
                .when().post("/v1/partnerships/{id}/programmes/1/evidence", id).then().statusCode(403);
        api(ambonEditor).contentType(ContentType.JSON).body(Map.of("type", "VISIT", "id", planning))
                .when().post("/v1/partnerships/{id}/programmes/1/evidence", id).then().statusCode(201);

        api(ambonEditor).when().get("/v1/partnerships/{id}/programmes/1", id).then()
                .body("evidence.id", equalTo(List.of(planning)));
        api().when().get("/v1/partnerships/{id}/programmes/1", id).then().statusCode(200).body("evidence", empty());
        api(outsider).when().get("/v1/partnerships/{id}/programmes", id).then().statusCode(200)
                .body("items[0].evidence", empty());
    }
}
