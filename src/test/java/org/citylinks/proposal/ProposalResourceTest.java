package org.citylinks.proposal;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
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
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ProposalResourceTest {

    static Map<String, Object> proposal(String proposer, String partner, int programmes) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Cities of Music " + Cities.tag());
        body.put("proposerCityId", proposer);
        body.put("partnerCityId", partner);
        body.put("relationshipType", "THEMATIC_PARTNERSHIP");
        body.put("visibility", "PUBLIC"); // these tests are of the rules, read back without a token
        body.put("fields", List.of("MUSIC"));
        body.put("draftedOn", "2022-01-03"); // entered after the fact: its moves are dated from 2022 on
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 1; i <= programmes; i++) {
            list.add(Map.of("number", i, "title", "Programme " + i));
        }
        body.put("programmes", list);
        return body;
    }

    static String create(Map<String, Object> body) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/proposals").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse move(String id, String to, String date) {
        Map<String, Object> body = new HashMap<>(Map.of("to", to));
        if (date != null) {
            body.put("date", date);
        }
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/proposals/{id}/transitions", id).then();
    }

    static ValidatableResponse decide(String id, int number, String decision) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("decision", decision))
                .when().put("/v1/proposals/{id}/programmes/{n}/decision", id, number).then();
    }

    /** A proposal of {@code programmes} programmes, moved to UNDER_REVIEW. */
    static String underReview(String proposer, String partner, int programmes) {
        String id = create(proposal(proposer, partner, programmes));
        move(id, "SUBMITTED", "2022-11-01").statusCode(200);
        move(id, "UNDER_REVIEW", "2022-11-24").statusCode(200);
        return id;
    }

    @Test
    void aNewProposalIsADraftWithPendingProgrammesAndAHistoryOfOne() {
        String ambon = Cities.newId("ID");
        String metz = Cities.newId("FR");
        String id = create(proposal(ambon, metz, 2));
        api().when().get("/v1/proposals/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("programmes.decision", contains("PENDING", "PENDING"))
                .body("history", hasSize(1))
                .body("history[0].from", nullValue())
                .body("history[0].to", equalTo("DRAFT"))
                .body("history[0].by", equalTo("operator@citylinks.test"))
                .body("proposerCity.id", equalTo(ambon));
    }

    @Test
    void statusIsNotWritableThroughPutOrPatch() {
        String id = create(proposal(Cities.newId("ID"), Cities.newId("FR"), 0));
        invalidRequest(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("status", "SIGNED"))
                .when().patch("/v1/proposals/{id}", id).then().statusCode(422) // read-only: not the current value
                .body("errors[0].pointer", equalTo("/status"));
        api().when().get("/v1/proposals/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aForbiddenMoveIs409ListingTheMovesAllowed() {
        String id = create(proposal(Cities.newId("ID"), Cities.newId("FR"), 1));
        move(id, "ACCEPTED", null).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/transition-not-allowed"))
                .body("allowedTransitions", contains("SUBMITTED", "WITHDRAWN"));
        move(id, "SIGNED", null).statusCode(409);
        api().when().get("/v1/proposals/{id}", id).then().body("status", equalTo("DRAFT")).body("history", hasSize(1));
    }

    @Test
    void decisionsMustFitTheProgrammesDecisions() {
        String id = underReview(Cities.newId("ID"), Cities.newId("FR"), 3);
        move(id, "PARTIALLY_ACCEPTED", null).statusCode(409).body("detail", containsString("pending"))
                .body("allowedTransitions", contains("WITHDRAWN"));
        decide(id, 1, "ACCEPTED").statusCode(200);
        decide(id, 2, "ACCEPTED").statusCode(200);
        decide(id, 3, "DECLINED").statusCode(200).body("programmes[2].decision", equalTo("DECLINED"));
        move(id, "ACCEPTED", null).statusCode(409)
                .body("allowedTransitions", contains("PARTIALLY_ACCEPTED", "WITHDRAWN"));
        move(id, "DECLINED", null).statusCode(409);
        move(id, "PARTIALLY_ACCEPTED", null).statusCode(200).body("status", equalTo("PARTIALLY_ACCEPTED"));

        String allDeclined = underReview(Cities.newId("ID"), Cities.newId("FR"), 1);
        decide(allDeclined, 1, "DECLINED");
        move(allDeclined, "PARTIALLY_ACCEPTED", null).statusCode(409);
        move(allDeclined, "DECLINED", null).statusCode(200);
    }

    @Test
    void programmesAreFixedOnceTheProposalIsDecided() {
        String ambon = Cities.newId("ID");
        String metz = Cities.newId("FR");
        Map<String, Object> body = proposal(ambon, metz, 1);
        String id = underReview(ambon, metz, 0);
        decide(id, 1, "ACCEPTED").statusCode(404);
        // Before a decision, programmes can still change (and a changed one is pending again).
        Response current = api().when().get("/v1/proposals/{id}", id).then().extract().response();
        api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", current.header("ETag")).body(body)
                .when().put("/v1/proposals/{id}", id).then().statusCode(200).body("programmes", hasSize(1));
        decide(id, 1, "ACCEPTED").statusCode(200);
        String etag = move(id, "ACCEPTED", null).statusCode(200).extract().header("ETag");

        decide(id, 1, "DECLINED").statusCode(409);
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("programmes", List.of(Map.of("number", 1, "title", "Something else")));
        api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .when().put("/v1/proposals/{id}", id).then().statusCode(409);
        // Other fields may still change.
        Map<String, Object> retitled = new HashMap<>(body);
        retitled.put("title", "Retitled " + Cities.tag());
        api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", etag).body(retitled)
                .when().put("/v1/proposals/{id}", id).then().statusCode(200)
                .body("programmes[0].decision", equalTo("ACCEPTED"));
    }

    @Test
    void signingCreatesThePartnershipInTheSameTransaction() {
        String ambon = Cities.newId("ID");
        String metz = Cities.newId("FR");
        String id = underReview(ambon, metz, 1);
        decide(id, 1, "ACCEPTED");
        move(id, "ACCEPTED", "2023-01-10").statusCode(200);
        String partnershipId = move(id, "SIGNED", "2023-04-14").statusCode(200)
                .body("status", equalTo("SIGNED"))
                .body("history.to", contains("DRAFT", "SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "SIGNED"))
                .body("history[4].date", equalTo("2023-04-14"))
                .body("partnershipId", notNullValue())
                .extract().path("partnershipId");
        api().when().get("/v1/partnerships/{id}", partnershipId).then().statusCode(200)
                .body("sourceProposalId", equalTo(id))
                .body("since", equalTo("2023-04-14"))
                .body("relationshipType", equalTo("THEMATIC_PARTNERSHIP"))
                .body("fields", contains("MUSIC"));
        api().when().get("/v1/cities/{id}/partners", metz).then().statusCode(200)
                .body("items.partner.id", contains(ambon));

        // A second proposal between the same cities cannot be signed: the partnership exists.
        String again = underReview(metz, ambon, 1);
        decide(again, 1, "ACCEPTED");
        move(again, "ACCEPTED", "2023-05-01").statusCode(200);
        move(again, "SIGNED", "2023-05-02").statusCode(409);
        api().when().get("/v1/proposals/{id}", again).then().body("status", equalTo("ACCEPTED"))
                .body("history", hasSize(4));
    }

    @Test
    void aPastProposalKeepsItsDraftingDayAndEveryHistoryStaysInDateOrder() {
        Map<String, Object> body = proposal(Cities.newId("ID"), Cities.newId("FR"), 0);
        body.put("draftedOn", "2022-10-10");
        String id = create(body);
        move(id, "SUBMITTED", "2022-10-20").statusCode(200)
                .body("history.date", contains("2022-10-10", "2022-10-20"));
        body.remove("draftedOn");
        String late = create(body); // drafted today
        move(late, "SUBMITTED", "2022-10-20").statusCode(422)
                .body("errors[0].pointer", equalTo("/date"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("draftedOn"));
        body.put("draftedOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString());
        api(TestTokens.operator()).contentType(ContentType.JSON).body(body).when().post("/v1/proposals").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/draftedOn"));
        // The drafting day may move on a PUT, but not past the first move.
        String etag = api().when().get("/v1/proposals/{id}", id).then().extract().header("ETag");
        body.put("draftedOn", "2022-10-25");
        api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/v1/proposals/{id}", id).then().statusCode(422).body("errors[0].pointer", equalTo("/draftedOn"));
        body.put("draftedOn", "2022-10-01");
        api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/v1/proposals/{id}", id).then().statusCode(200)
                .body("history.date", contains("2022-10-01", "2022-10-20"));
    }

    @Test
    void aMoveCannotBeDatedBeforeThePreviousOne() {
        String id = create(proposal(Cities.newId("ID"), Cities.newId("FR"), 0));
        move(id, "SUBMITTED", "2022-11-01").statusCode(200);
        move(id, "UNDER_REVIEW", "2022-10-01").statusCode(422).body("errors[0].pointer", equalTo("/date"));
    }

    @Test
    void sameCityOrUnknownCityOrRepeatedProgrammeNumberIs422() {
        String ambon = Cities.newId("ID");
        Map<String, Object> body = proposal(ambon, ambon, 0);
        body.put("programmes", List.of(Map.of("number", 1, "title", "A"), Map.of("number", 1, "title", "B")));
        api(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/proposals").then().statusCode(422)
                .body("errors.pointer", contains("/partnerCityId", "/programmes/1/number"));
    }

    @Test
    void searchFiltersByCityStatusFieldTypeAndText() {
        String ambon = Cities.newId("ID");
        String metz = Cities.newId("FR");
        String tag = Cities.tag();
        Map<String, Object> music = proposal(ambon, metz, 0);
        music.put("summary", "Orkes " + tag + " pelajar");
        String musicId = create(music);
        Map<String, Object> tourism = proposal(metz, ambon, 0);
        tourism.put("fields", List.of("TOURISM"));
        tourism.put("relationshipType", "SISTER_CITY");
        String tourismId = create(tourism);
        move(tourismId, "SUBMITTED", null).statusCode(200);

        api().queryParam("cityId", ambon).queryParam("sort", "createdAt").when().get("/v1/proposals").then()
                .body("items.id", contains(musicId, tourismId));
        api().queryParam("cityId", ambon).queryParam("status", "SUBMITTED").when().get("/v1/proposals").then()
                .body("items.id", contains(tourismId));
        api().queryParam("cityId", ambon).queryParam("field", "MUSIC").when().get("/v1/proposals").then()
                .body("items.id", contains(musicId));
        api().queryParam("cityId", ambon).queryParam("relationshipType", "SISTER_CITY").when().get("/v1/proposals")
                .then().body("items.id", contains(tourismId));
        api().queryParam("q", tag.substring(0, 5)).when().get("/v1/proposals").then()
                .body("items.id", contains(musicId));
    }

    @Test
    void aProposalAVisitRefersToCannotBeDeleted() {
        String ambon = Cities.newId("ID");
        String metz = Cities.newId("FR");
        String id = create(proposal(ambon, metz, 0));
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("title", "Virtual meeting", "fromCityId", ambon, "toCityId", metz,
                        "startDate", "2022-11-24", "mode", "VIRTUAL", "proposalId", id))
                .when().post("/v1/visits").then().statusCode(201);
        api(TestTokens.operator()).header("If-Match", "\"0\"").when().delete("/v1/proposals/{id}", id)
                .then().statusCode(409)
                .body("type", equalTo("https://citylinks.org/problems/still-referenced"))
                .body("referencedBy.visits", equalTo(1));
        api().when().get("/v1/proposals/{id}", id).then().statusCode(200);
    }
}
