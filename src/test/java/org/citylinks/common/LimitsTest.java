package org.citylinks.common;

import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Requests too big, too deep or too long are refused with a problem, and nothing is written. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class LimitsTest {

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"countryCode\":\"ID\"}";
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(huge)
                .when().post("/v1/cities").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/payload-too-large"));
    }

    @Test
    void deeplyNestedJsonIsRefusedWhileItIsRead() {
        String deep = "{\"name\":\"Deep\",\"countryCode\":\"ID\",\"location\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(deep)
                .when().post("/v1/cities").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOverlongNumberIsRefusedAndNamedWhileItCanBeRead() {
        String named = "{\"name\":\"Long\",\"countryCode\":\"ID\",\"population\":" + "9".repeat(500) + "}";
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(named)
                .when().post("/v1/cities").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/population"));
        String unread = "{\"name\":\"Long\",\"countryCode\":\"ID\",\"population\":" + "9".repeat(5000) + "}";
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(unread)
                .when().post("/v1/cities").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("1,000 digits"));
    }

    @Test
    void listsLongerThanTheContractAllowsAre422WithTheirPointer() {
        List<Map<String, Object>> participants = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            participants.add(Map.of("cityId", java.util.UUID.randomUUID().toString(), "role", "OBSERVER"));
        }
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Too big", "hostCityId", Cities.newId("FR"), "startDate", "2023-04-14",
                        "mode", "IN_PERSON", "participants", participants))
                .when().post("/v1/conferences").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/participants"));
        List<Map<String, Object>> programmes = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            programmes.add(Map.of("number", Math.min(i, 50), "title", "P" + i));
        }
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("title", "Too many", "proposerCityId", Cities.newId("ID"), "partnerCityId",
                        Cities.newId("FR"), "relationshipType", "SISTER_CITY", "programmes", programmes))
                .when().post("/v1/proposals").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/programmes"));
        invalidRequest().queryParam("q", "x".repeat(201)).when().get("/v1/search").then().statusCode(400)
                .body("errors[0].parameter", equalTo("q"));
        invalidRequest().queryParam("limit", 101).when().get("/v1/visits").then().statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
    }

    @Test
    void aProblemListsAtMostAHundredFieldsAndCountsThemAll() {
        List<Map<String, Object>> participants = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            participants.add(Map.of("cityId", java.util.UUID.randomUUID().toString(), "role", "OBSERVER", "track", ""));
        }
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Many wrongs", "hostCityId", Cities.newId("FR"), "startDate", "2023-04-14",
                        "mode", "IN_PERSON", "participants", participants))
                .when().post("/v1/conferences").then().statusCode(422)
                .body("errors.size()", equalTo(Problem.MAX_ERRORS))
                // each participant's empty track (the schema) and unknown city (the rules): 300 in all
                .body("detail", equalTo("300 fields are not valid."));
    }
}
