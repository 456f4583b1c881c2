package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class IdempotencyTest {

    private static Response postCity(String token, String key, Map<String, Object> body) {
        return api(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/v1/cities");
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstAnswerAndCreatesNothing() {
        String name = Cities.capitalized(Cities.tag());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", name, "countryCode", "ID");
        Response first = postCity(TestTokens.operator(), key, body).then().statusCode(201)
                .header("Idempotency-Replayed", nullValue()).extract().response();
        Response again = postCity(TestTokens.operator(), key, body).then().statusCode(201)
                .header("Idempotency-Replayed", "true").extract().response();

        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.asString(), again.asString());
        api().queryParam("q", name).when().get("/v1/cities").then().body("items", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String name = Cities.capitalized(Cities.tag());
        postCity(TestTokens.operator(), key, Map.of("name", name, "countryCode", "ID")).then().statusCode(201);
        String other = Cities.capitalized(Cities.tag());
        postCity(TestTokens.operator(), key, Map.of("name", other, "countryCode", "ID")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("Idempotency-Key"));
        api().queryParam("q", other).when().get("/v1/cities").then().body("items", hasSize(0));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String name = Cities.capitalized(Cities.tag());
        Map<String, Object> body = Map.of("name", name, "countryCode", "ID");
        postCity(TestTokens.token("one@citylinks.test", Set.of("editor")), key, body).then().statusCode(201);
        postCity(TestTokens.token("two@citylinks.test", Set.of("editor")), key, body).then().statusCode(201)
                .header("Idempotency-Replayed", nullValue());
        api().queryParam("q", name).when().get("/v1/cities").then().body("items", hasSize(2));
    }

    @Test
    void aFailedRequestLeavesItsKeyUnused() {
        String key = UUID.randomUUID().toString();
        String name = Cities.capitalized(Cities.tag());
        Api.invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", name, "countryCode", "XX")).when().post("/v1/cities").then().statusCode(422);
        postCity(TestTokens.operator(), key, Map.of("name", name, "countryCode", "ID")).then().statusCode(201)
                .header("Idempotency-Replayed", nullValue());
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneRow() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Cities.capitalized(Cities.tag());
        Map<String, Object> body = Map.of("name", name, "countryCode", "ID");
        List<Integer> statuses = RacesTest.race(i -> postCity(TestTokens.operator(), key, body).then().extract().statusCode());
        assertEquals(List.of(201), statuses.stream().distinct().toList(), () -> "statuses: " + statuses);
        api().queryParam("q", name).when().get("/v1/cities").then().body("items", hasSize(1));
    }

    @Test
    void everyPostHonoursTheKey() {
        String a = Cities.newId("ID");
        String b = Cities.newId("FR");
        String key = UUID.randomUUID().toString();
        Map<String, Object> partnership = Map.of("cityIds", List.of(a, b), "relationshipType", "SISTER_CITY",
                "since", "2020");
        String id = api(TestTokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(partnership).when().post("/v1/partnerships").then().statusCode(201).extract().path("id");
        // Without the key this would be a 409 (the pair has its partnership); with it, the first answer.
        api(TestTokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(partnership).when().post("/v1/partnerships").then().statusCode(201).body("id", equalTo(id));
    }
}
