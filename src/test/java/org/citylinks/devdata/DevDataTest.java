package org.citylinks.devdata;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

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

    @Test
    void ambonProposedFourMusicProgrammesToMetzWhichAcceptedOneTwoAndFour() {
        api().queryParam("cityId", METZ).queryParam("relationshipType", "THEMATIC_PARTNERSHIP")
                .when().get("/v1/proposals").then().statusCode(200)
                .body("items[0].proposerCity.name", equalTo("Ambon"))
                .body("items[0].status", equalTo("PARTIALLY_ACCEPTED"))
                .body("items[0].facilitator", containsString("Indonesia"))
                .body("items[0].programmes.decision", contains("ACCEPTED", "ACCEPTED", "DECLINED", "ACCEPTED"));
        api().when().get("/v1/cities/{id}/timeline", AMBON).then().statusCode(200)
                .body("items.type", hasItems("MEMBERSHIP", "PROPOSAL_EVENT", "VISIT", "CONFERENCE"))
                .body("items.title", hasItem("Youth and Artistic Conference"));
        api().queryParam("participantCityId", AMBON).when().get("/v1/conferences").then()
                .body("items[0].hostCity.name", equalTo("Metz"))
                .body("items[0].participants.find { it.cityId == '" + AMBON + "' }.role", equalTo("SPEAKER"));
        api().queryParam("fromCityId", AMBON).queryParam("mode", "VIRTUAL").when().get("/v1/visits").then()
                .body("items[0].facilitator", containsString("Indonesia"));
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
    void denpasarAndDarwinExploredASisterCityTieInFourFields() {
        api().queryParam("cityId", DENPASAR).when().get("/v1/visits").then().statusCode(200)
                .body("items[0].toCity.name", equalTo("Darwin"))
                .body("items[0].startDate", equalTo("2020-11-20"))
                .body("items[0].mode", equalTo("VIRTUAL"));
        api().queryParam("cityId", DENPASAR).when().get("/v1/proposals").then()
                .body("items[0].relationshipType", equalTo("SISTER_CITY"))
                .body("items[0].status", equalTo("DRAFT"))
                .body("items[0].programmes.title", contains("Tourism", "Creative economy", "Human resources and IT",
                        "Cultural exchange and trade access for small businesses"));
    }
}
