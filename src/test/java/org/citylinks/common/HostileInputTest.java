package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Whatever anyone sends is stored or matched literally, or refused with a 4xx; never a 5xx. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final List<String> NASTY = List.of("' OR 1=1 --", "%", "_", "\\", "%_\\%", "'; DROP TABLE city; --",
            "../../etc/passwd", "$1", "?", ":name", "\"", "<script>", "ünïcödé ✓ 北京", "a\u202Eb");

    @Test
    void sqlAndLikeMetacharactersAreStoredAndMatchedLiterally() {
        String tag = Cities.tag();
        String name = "O'Brien %_\\ " + tag + " ; DROP TABLE city; --";
        String id = Cities.create(name, "IE").path("id");
        api().when().get("/v1/cities/{id}", id).then().statusCode(200).body("name", equalTo(name));
        api().queryParam("q", "o'brien %_\\ " + tag).when().get("/v1/cities").then().statusCode(200)
                .body("items.id", hasItem(id));
        for (String nasty : NASTY) {
            api().queryParam("q", nasty).when().get("/v1/cities").then().statusCode(200);
            api().queryParam("q", nasty).when().get("/v1/search").then().statusCode(200);
            api().queryParam("q", nasty).when().get("/v1/visits").then().statusCode(200);
            api().queryParam("q", nasty).when().get("/v1/proposals").then().statusCode(200);
            api().queryParam("q", nasty).when().get("/v1/conferences").then().statusCode(200);
            invalidRequest().queryParam("topic", nasty).when().get("/v1/visits").then().statusCode(lessThan(500));
            invalidRequest().queryParam("cursor", nasty).when().get("/v1/cities").then().statusCode(400);
            invalidRequest().queryParam("sort", nasty).when().get("/v1/partnerships").then().statusCode(400);
        }
    }

    @Test
    void nulCharactersAreRefusedInBodiesAndQueries() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Nul\\u0000City\",\"countryCode\":\"ID\"}")
                .when().post("/v1/cities").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/name"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("title", "T", "fromCityId", Cities.newId("ID"), "toCityId", Cities.newId("FR"),
                        "startDate", "2020-01-01", "mode", "VIRTUAL", "outcomes", List.of("ok", "bad\u0000")))
                .when().post("/v1/visits").then().statusCode(400).body("errors[0].pointer", equalTo("/outcomes/1"));
        invalidRequest().queryParam("q", "a\u0000b").when().get("/v1/search").then().statusCode(400)
                .body("errors[0].parameter", equalTo("q"));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = "{\"name\":\"X\",\"countryCode\":\"ID\",\"region\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        invalidRequest(TestTokens.operator()).contentType("application/json; charset=UTF-8").body(body)
                .when().post("/v1/cities").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void overlongNumbersAndPathTraversalAreRefused() {
        invalidRequest().queryParam("limit", "99999999999999999999999").when().get("/v1/cities").then()
                .statusCode(400).body("errors[0].parameter", equalTo("limit"));
        invalidRequest().queryParam("near", "10,10").queryParam("radiusKm", "1e999").when().get("/v1/cities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("radiusKm"));
        invalidRequest().urlEncodingEnabled(false).when().get("/v1/cities/..%2F..%2Fetc%2Fpasswd").then()
                .statusCode(404).contentType("application/problem+json");
        invalidRequest().urlEncodingEnabled(false).when().get("/v1/visits/%2e%2e%2f%2e%2e%2fq%2fopenapi").then()
                .statusCode(404);
    }
}
