package org.citylinks.devdata;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

import org.citylinks.common.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The news cases that dev mode loads, read back through the API as the README's calls read them. */
@QuarkusTest
@TestProfile(DevDataTest.WithDevData.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevDataTest {

    /** The test profile that loads the dev data, as bin/dev does on the embedded database. */
    public static class WithDevData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citylinks.dev-data.load", "true");
        }
    }

    private static final String AMBON = "c1700000-0000-4000-8000-000000000001";
    private static final String METZ = "c1700000-0000-4000-8000-000000000002";
    private static final String PEKALONGAN = "c1700000-0000-4000-8000-000000000003";
    private static final String DENPASAR = "c1700000-0000-4000-8000-000000000007";
    private static final String LONDON = "c1700000-0000-4000-8000-000000000014";
    private static final String AMBON_OFFICE = "0b1a0000-0000-4000-8000-000000000001";
    private static final String METZ_OFFICE = "0b1a0000-0000-4000-8000-000000000002";
    private static final String EMBASSY = "0b1a0000-0000-4000-8000-000000000003";
    private static final String DENPASAR_BUREAU = "0b1a0000-0000-4000-8000-000000000007";

    @Test
    void ambonProposedFourMusicProgrammesToMetzPrivatelyAndMetzHasThemUnderReview() {
        api().queryParam("cityId", METZ).queryParam("relationshipType", "THEMATIC_PARTNERSHIP")
                .when().get("/v1/proposals").then().statusCode(200).body("items", hasSize(0));
        for (String office : List.of(AMBON_OFFICE, METZ_OFFICE, EMBASSY)) {
            api(TestTokens.member("dev@" + office, List.of(UUID.fromString(office))))
                    .queryParam("cityId", METZ).queryParam("relationshipType", "THEMATIC_PARTNERSHIP")
                    .when().get("/v1/proposals").then().statusCode(200)
                    .body("items[0].proposerCity.name", equalTo("Ambon"))
                    .body("items[0].status", equalTo("UNDER_REVIEW"))
                    .body("items[0].visibility", equalTo("PARTIES"))
                    .body("items[0].facilitatorOrganizationId", equalTo(EMBASSY))
                    .body("items[0].partyOrganizationIds", hasItems(AMBON_OFFICE, METZ_OFFICE, EMBASSY))
                    .body("items[0].programmes.decision", contains("PENDING", "PENDING", "PENDING", "PENDING"));
        }
        api().when().get("/v1/cities/{id}/timeline", AMBON).then().statusCode(200)
                .body("items.type", hasItems("MEMBERSHIP", "VISIT", "CONFERENCE"))
                .body("items.type", not(hasItem("PROPOSAL_EVENT")))
                .body("items.title", hasItem("Youth and Artistic Conference"));
        api().queryParam("participantCityId", AMBON).when().get("/v1/conferences").then()
                .body("items[0].hostCity.name", equalTo("Metz"))
                .body("items[0].ownerOrganizationId", equalTo(METZ_OFFICE))
                .body("items[0].participants.find { it.cityId == '" + AMBON + "' }.role", equalTo("SPEAKER"));
        api().queryParam("fromCityId", AMBON).queryParam("mode", "VIRTUAL").when().get("/v1/visits").then()
                .body("items[0].facilitator", containsString("Indonesia"))
                .body("items[0].proposalId", nullValue()); // the proposal it led to is not public
        api().queryParam("kind", "CITY_GOVERNMENT").queryParam("limit", 100).when().get("/v1/organizations").then()
                .body("items.name", hasItems("Ambon Music Office", "Metz, international relations",
                        "Pekalongan city government", "Chiang Mai Creative City initiative team",
                        "Denpasar cooperation bureau", "City of Darwin"));
    }

    @Test
    void aChiangMaiDelegationVisitedPekalonganOnTenMarch2016() {
        api().queryParam("toCityId", PEKALONGAN).when().get("/v1/visits").then().statusCode(200)
                .body("items[0].fromCity.name", equalTo("Chiang Mai"))
                .body("items[0].startDate", equalTo("2016-03-10"));
    }

    @Test
    void jakartaAndMilanShareATrackInLeadershipExchangeRoundThree() {
        api().queryParam("network", "WCCF").queryParam("hostCityId", LONDON).when().get("/v1/conferences").then()
                .statusCode(200)
                .body("items[0].name", equalTo("Leadership Exchange Programme, round 3"))
                .body("items[0].participants.city.name", contains("Jakarta", "Milan"))
                .body("items[0].participants.track", contains("Co-created public art", "Co-created public art"));
    }

    @Test
    void denpasarAndDarwinExploredASisterCityTieInFourFieldsBetweenThemselves() {
        api().queryParam("cityId", DENPASAR).when().get("/v1/visits").then().statusCode(200).body("items", hasSize(0));
        api().queryParam("cityId", DENPASAR).when().get("/v1/proposals").then().body("items", hasSize(0));
        String bureau = TestTokens.member("dev@denpasar", List.of(UUID.fromString(DENPASAR_BUREAU)));
        api(bureau).queryParam("cityId", DENPASAR).when().get("/v1/visits").then().statusCode(200)
                .body("items[0].toCity.name", equalTo("Darwin"))
                .body("items[0].startDate", equalTo("2020-11-20"))
                .body("items[0].mode", equalTo("VIRTUAL"));
        api(bureau).queryParam("cityId", DENPASAR).when().get("/v1/proposals").then()
                .body("items[0].relationshipType", equalTo("SISTER_CITY"))
                .body("items[0].status", equalTo("DRAFT"))
                .body("items[0].programmes.title", contains("Tourism", "Creative economy", "Human resources and IT",
                        "Cultural exchange and trade access for small businesses"));
    }

    /** The README's walkthrough, as it is written there: Metz decides on Ambon's programmes, both sign. Last, as it changes the data. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theReadmeWalkthroughRecordsMetzsDecisionsAndBothSignatures() {
        String proposal = "d1700000-0000-4000-8000-000000000001";
        String metz = TestTokens.member("relations@metz.fr", List.of(UUID.fromString(METZ_OFFICE)), "editor");
        String ambon = TestTokens.member("music@ambon.go.id", List.of(UUID.fromString(AMBON_OFFICE)), "editor");
        for (int number : new int[] { 1, 2, 4 }) {
            api(metz).contentType("application/json").body(Map.of("decision", "ACCEPTED", "note", "Feasible."))
                    .put("/v1/proposals/{id}/programmes/{n}/decision", proposal, number).then().statusCode(200);
        }
        api(metz).contentType("application/json").body(Map.of("decision", "DECLINED", "note", "Start with what is practical."))
                .put("/v1/proposals/{id}/programmes/3/decision", proposal).then().statusCode(200);
        api(metz).contentType("application/json").body(Map.of("to", "PARTIALLY_ACCEPTED", "date", "2023-02-01"))
                .post("/v1/proposals/{id}/transitions", proposal).then().statusCode(200);
        api(ambon).contentType("application/json").body(Map.of("to", "SIGNED"))
                .post("/v1/proposals/{id}/transitions", proposal).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_ACCEPTED")).body("signatures", hasSize(1));
        api(metz).contentType("application/json").body(Map.of("to", "SIGNED"))
                .post("/v1/proposals/{id}/transitions", proposal).then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("partnershipId", notNullValue());
        api().get("/v1/proposals/{id}", proposal).then().statusCode(200).body("visibility", equalTo("PUBLIC"));
    }
}
