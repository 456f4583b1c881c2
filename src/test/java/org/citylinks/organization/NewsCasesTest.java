package org.citylinks.organization;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The news cases, end to end, each organisation acting for itself. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class NewsCasesTest {

    /**
     * Ambon proposes four music programmes to Metz, with Indonesia's embassy in France facilitating.
     * Metz finds 1, 2 and 4 feasible and declines 3; both sign; only then is it public.
     */
    @Test
    void ambonProposesMetzDecidesAndBothSign() {
        String ambon = Cities.create("Ambon " + Cities.tag(), "ID").path("id");
        String metz = Cities.create("Metz " + Cities.tag(), "FR").path("id");
        UUID ambonOffice = Organizations.create("Ambon Music Office", "CITY_GOVERNMENT", ambon);
        UUID metzOffice = Organizations.create("Metz, international relations", "CITY_GOVERNMENT", metz);
        UUID embassy = Organizations.create("Embassy of Indonesia in France", "GOVERNMENT_AGENCY", null);
        String ambonEditor = Organizations.editorOf(ambonOffice);
        String metzEditor = Organizations.editorOf(metzOffice);
        String outsider = Organizations.editorOf(Organizations.create("Another office", "OTHER", null));

        String proposal = api(ambonEditor).contentType(ContentType.JSON).body(Map.of(
                "title", "Ambon and Metz, Cities of Music", "proposerCityId", ambon, "partnerCityId", metz,
                "relationshipType", "THEMATIC_PARTNERSHIP", "framework", "UCCN", "fields", List.of("MUSIC"),
                "facilitator", "Embassy of Indonesia in France", "facilitatorOrganizationId", embassy.toString(),
                "draftedOn", "2022-11-15",
                "programmes", List.of(Map.of("number", 1, "title", "Music teacher exchange"),
                        Map.of("number", 2, "title", "Joint concert"), Map.of("number", 3, "title", "Music festival"),
                        Map.of("number", 4, "title", "Youth music workshop"))))
                .when().post("/v1/proposals").then().statusCode(201)
                .body("visibility", equalTo("PARTIES"))
                .body("ownerOrganizationId", equalTo(ambonOffice.toString()))
                .body("partyOrganizationIds", hasItem(metzOffice.toString()))
                .body("partyOrganizationIds", hasItem(embassy.toString()))
                .extract().path("id");

        // The facilitator sees it; nobody else outside the two cities does.
        api(Organizations.readerOf(embassy)).get("/v1/proposals/{id}", proposal).then().statusCode(200);
        api().get("/v1/proposals/{id}", proposal).then().statusCode(404);
        api(outsider).get("/v1/proposals/{id}", proposal).then().statusCode(404);

        move(metzEditor, proposal, "SUBMITTED", "2022-11-20").statusCode(403)
                .body("detail", containsString("proposer's side"));
        move(ambonEditor, proposal, "SUBMITTED", "2022-11-20").statusCode(200);
        move(ambonEditor, proposal, "UNDER_REVIEW", "2022-11-21").statusCode(403)
                .body("detail", containsString("partner's side"));
        move(metzEditor, proposal, "UNDER_REVIEW", "2022-11-21").statusCode(200);

        decide(ambonEditor, proposal, 1, "ACCEPTED").statusCode(403).body("detail", containsString("partner's side"));
        decide(metzEditor, proposal, 1, "ACCEPTED").statusCode(200);
        decide(metzEditor, proposal, 2, "ACCEPTED").statusCode(200);
        decide(metzEditor, proposal, 3, "DECLINED").statusCode(200);
        decide(metzEditor, proposal, 4, "ACCEPTED").statusCode(200);
        api(metzEditor).contentType(ContentType.JSON).body(Map.of("to", "PARTIALLY_ACCEPTED", "date", "2022-11-24",
                "note", "Metz finds programmes 1, 2 and 4 feasible and asks to start with what is practical."))
                .post("/v1/proposals/{id}/transitions", proposal).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_ACCEPTED"))
                .body("programmes.decision", equalTo(List.of("ACCEPTED", "ACCEPTED", "DECLINED", "ACCEPTED")));

        // The facilitator is a party, not a side: it signs nothing.
        api(Organizations.editorOf(embassy)).contentType(ContentType.JSON).body(Map.of("to", "SIGNED"))
                .post("/v1/proposals/{id}/transitions", proposal).then().statusCode(403);
        move(ambonEditor, proposal, "SIGNED", "2023-04-20").statusCode(200)
                .body("status", equalTo("PARTIALLY_ACCEPTED"))
                .body("signatures", hasSize(1))
                .body("signatures[0].side", equalTo("PROPOSER"))
                .body("signatures[0].organizationId", equalTo(ambonOffice.toString()))
                .body("partnershipId", nullValue());
        move(ambonEditor, proposal, "SIGNED", "2023-04-20").statusCode(409)
                .body("detail", containsString("other side"));
        api().get("/v1/proposals/{id}", proposal).then().statusCode(404);
        move(metzEditor, proposal, "SIGNED", "2023-04-20").statusCode(200)
                .body("status", equalTo("SIGNED"))
                .body("visibility", equalTo("PUBLIC"))
                .body("signatures.side", equalTo(List.of("PROPOSER", "PARTNER")))
                .body("signatures[1].organizationId", equalTo(metzOffice.toString()))
                .body("partnershipId", notNullValue());
        api().get("/v1/proposals/{id}", proposal).then().statusCode(200).body("status", equalTo("SIGNED"));

        // After the signing: the partnership carries the agreement and programmes 1, 2 and 4.
        String partnership = api().get("/v1/proposals/{id}", proposal).path("partnershipId");
        api().get("/v1/partnerships/{id}", partnership).then().statusCode(200)
                .body("signedOn", equalTo("2023-04-20"))
                .body("validUntil", nullValue())
                .body("agreementStatus", equalTo("OPEN_ENDED"))
                .body("programmeProgress.planned", equalTo(3));
        api().get("/v1/partnerships/{id}/programmes", partnership).then().statusCode(200)
                .body("items.number", equalTo(List.of(1, 2, 4)))
                .body("items.title", equalTo(List.of("Music teacher exchange", "Joint concert", "Youth music workshop")))
                .body("items.fromProposal", equalTo(List.of(true, true, true)));

        // Metz invites Ambon to speak at its Youth and Artistic Conference: evidence for programme 4.
        String conference = api(metzEditor).contentType(ContentType.JSON).body(Map.of(
                "name", "Youth and Artistic Conference", "hostCityId", metz, "startDate", "2023-04-14",
                "endDate", "2023-04-15", "mode", "IN_PERSON",
                "participants", List.of(Map.of("cityId", ambon, "role", "SPEAKER"))))
                .post("/v1/conferences").then().statusCode(201).extract().path("id");
        api(outsider).contentType(ContentType.JSON).body(Map.of("type", "CONFERENCE", "id", conference))
                .post("/v1/partnerships/{id}/programmes/4/evidence", partnership).then().statusCode(403);
        api(ambonEditor).contentType(ContentType.JSON).body(Map.of("type", "CONFERENCE", "id", conference))
                .post("/v1/partnerships/{id}/programmes/4/evidence", partnership).then().statusCode(201)
                .header("Location", containsString("/v1/partnerships/" + partnership + "/programmes/4/evidence/" + conference))
                .body("title", equalTo("Youth and Artistic Conference"));
        api(metzEditor).contentType("application/merge-patch+json")
                .body(Map.of("status", "DONE", "startedOn", "2023-04-14", "finishedOn", "2023-04-15"))
                .patch("/v1/partnerships/{id}/programmes/4", partnership).then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("evidence.id", equalTo(List.of(conference)));
        api().get("/v1/partnerships/{id}", partnership).then()
                .body("programmeProgress.planned", equalTo(2))
                .body("programmeProgress.done", equalTo(1));
    }

    /** Chiang Mai's delegation visits Pekalongan; either city's government may edit the record, no one else. */
    @Test
    void eitherCityOfAVisitMayEditIt() {
        String chiangMai = Cities.create("Chiang Mai " + Cities.tag(), "TH").path("id");
        String pekalongan = Cities.create("Pekalongan " + Cities.tag(), "ID").path("id");
        UUID team = Organizations.create("Chiang Mai Creative City initiative team", "CITY_GOVERNMENT", chiangMai);
        UUID pekalonganOffice = Organizations.create("Pekalongan city government", "CITY_GOVERNMENT", pekalongan);
        String visit = api(Organizations.editorOf(team)).contentType(ContentType.JSON).body(Map.of(
                "title", "Learning how to apply to the UCCN", "fromCityId", chiangMai, "toCityId", pekalongan,
                "startDate", "2016-03-10", "mode", "IN_PERSON"))
                .post("/v1/visits").then().statusCode(201).body("visibility", equalTo("PUBLIC")).extract().path("id");
        String tag = api().get("/v1/visits/{id}", visit).header("ETag");
        api(Organizations.editorOf(pekalonganOffice)).contentType("application/merge-patch+json")
                .header("If-Match", tag).body(Map.of("summary", "Hosted by the batik museum."))
                .patch("/v1/visits/{id}", visit).then().statusCode(200);
        api(Organizations.editorOf(Organizations.create("WCCF secretariat", "NETWORK", null)))
                .contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("summary", "Rewritten")).patch("/v1/visits/{id}", visit).then().statusCode(403)
                .body("detail", containsString("government of one of its two cities"));
        api().get("/v1/visits/{id}", visit).then().body("summary", equalTo("Hosted by the batik museum."));
    }

    /** WCCF's Leadership Exchange: the secretariat runs the conference, Jakarta changes only its own place in it. */
    @Test
    void aParticipantChangesItsOwnParticipationOnly() {
        String london = Cities.create("London " + Cities.tag(), "GB").path("id");
        String jakarta = Cities.create("Jakarta " + Cities.tag(), "ID").path("id");
        String milan = Cities.create("Milan " + Cities.tag(), "IT").path("id");
        UUID wccf = Organizations.create("WCCF secretariat", "NETWORK", null);
        UUID jakartaOffice = Organizations.create("Jakarta international cooperation", "CITY_GOVERNMENT", jakarta);
        String conference = api(Organizations.editorOf(wccf)).contentType(ContentType.JSON).body(Map.of(
                "name", "Leadership Exchange Programme, round 3", "hostCityId", london, "startDate", "2023-05-01",
                "mode", "VIRTUAL", "participants", List.of(Map.of("cityId", jakarta, "role", "DELEGATE", "track", "Culture"),
                        Map.of("cityId", milan, "role", "DELEGATE", "track", "Culture"))))
                .post("/v1/conferences").then().statusCode(201).extract().path("id");
        String jakartaEditor = Organizations.editorOf(jakartaOffice);
        api(jakartaEditor).contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED"))
                .put("/v1/conferences/{id}/participants/{city}/status", conference, jakarta).then().statusCode(200);
        api(jakartaEditor).contentType(ContentType.JSON).body(Map.of("status", "DECLINED"))
                .put("/v1/conferences/{id}/participants/{city}/status", conference, milan).then().statusCode(403);
        api(jakartaEditor).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("name", "Renamed")).patch("/v1/conferences/{id}", conference).then().statusCode(403)
                .body("detail", containsString("host's side"));
        api().get("/v1/conferences/{id}", conference).then()
                .body("participants.find { it.cityId == '" + milan + "' }.status", not(equalTo("DECLINED")));
    }

    private static io.restassured.response.ValidatableResponse move(String token, String proposal, String to,
            String date) {
        return api(token).contentType(ContentType.JSON).body(Map.of("to", to, "date", date))
                .post("/v1/proposals/{id}/transitions", proposal).then();
    }

    private static io.restassured.response.ValidatableResponse decide(String token, String proposal, int number,
            String decision) {
        return api(token).contentType(ContentType.JSON).body(Map.of("decision", decision))
                .put("/v1/proposals/{id}/programmes/{n}/decision", proposal, number).then();
    }

    /** What no organisation owns (records from before organisations) only operators change, the cities' governments included. */
    @Test
    void aRecordOwnedByNoOrganisationIsChangedByOperatorsOnly() {
        String ambon = Cities.newId("ID");
        String metz = Cities.newId("FR");
        String government = Organizations.editorOf(Organizations.governmentOf(ambon));
        String operator = org.citylinks.common.TestTokens.operator();
        String visit = api(operator).contentType(ContentType.JSON).body(Map.of("title", "Old visit", "fromCityId", ambon,
                "toCityId", metz, "startDate", "2019-05-01", "mode", "IN_PERSON"))
                .post("/v1/visits").then().statusCode(201).body("ownerOrganizationId", nullValue()).extract().path("id");
        String proposal = api(operator).contentType(ContentType.JSON).body(Map.of("title", "Old proposal",
                "proposerCityId", ambon, "partnerCityId", metz, "relationshipType", "SISTER_CITY", "visibility", "PUBLIC",
                "draftedOn", "2019-05-01"))
                .post("/v1/proposals").then().statusCode(201).extract().path("id");
        String conference = api(operator).contentType(ContentType.JSON).body(Map.of("name", "Old conference",
                "hostCityId", ambon, "startDate", "2019-05-01", "mode", "IN_PERSON"))
                .post("/v1/conferences").then().statusCode(201).extract().path("id");
        for (String path : List.of("/v1/visits/" + visit, "/v1/conferences/" + conference)) {
            String tag = api().get(path).header("ETag");
            api(government).contentType("application/merge-patch+json").header("If-Match", tag)
                    .body(Map.of(path.contains("visits") ? "title" : "name", "Taken over")).patch(path).then()
                    .statusCode(403).body("detail", containsString("only an operator"));
            api(operator).contentType("application/merge-patch+json").header("If-Match", tag)
                    .body(Map.of(path.contains("visits") ? "title" : "name", "Kept up")).patch(path).then()
                    .statusCode(200);
        }
        move(government, proposal, "SUBMITTED", "2019-05-02").statusCode(403).body("detail", containsString("only an operator"));
        move(operator, proposal, "SUBMITTED", "2019-05-02").statusCode(200);
    }
}
