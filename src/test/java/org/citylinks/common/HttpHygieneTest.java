package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class HttpHygieneTest {

    private static void securityHeaders(ValidatableResponse response) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Server", nullValue())
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndARequestId() {
        securityHeaders(api().when().get("/v1/cities").then().statusCode(200)
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"));
        securityHeaders(api().when().get("/v1/visits/{id}", "3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11").then()
                .statusCode(404).header("Cache-Control", "no-store"));
        securityHeaders(invalidRequest().queryParam("limit", "x").when().get("/v1/cities").then().statusCode(400)
                .header("Cache-Control", "no-store"));
        securityHeaders(RestAssured.given().when().get("/q/health/live").then().statusCode(200)
                .header("Cache-Control", "private, no-cache"));
        securityHeaders(RestAssured.given().when().get("/nowhere").then().statusCode(404).header("Cache-Control", "no-store"));
    }

    @Test
    void sharedCachesMayKeepPublicReadsForAMinuteButNeverAnswersToATokenOrErrors() {
        api().when().get("/v1/cities").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .header("Vary", org.hamcrest.Matchers.containsString("Authorization"));
        api().header("Authorization", "Bearer " + TestTokens.reader()).when().get("/v1/cities").then().statusCode(200)
                .header("Cache-Control", "private, no-cache");
        invalidRequest().queryParam("limit", "0").when().get("/v1/cities").then().statusCode(400)
                .header("Cache-Control", "no-store");
        api().header("Authorization", "Bearer " + TestTokens.operator()).contentType("application/json")
                .body("{\"name\":\"Cached Nowhere\",\"countryCode\":\"ID\"}")
                .when().post("/v1/cities").then().statusCode(201).header("Cache-Control", "private, no-cache");
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnythingElseReplaced() {
        api().header("X-Request-Id", "mobile-7f3a.42").when().get("/v1/cities").then()
                .header("X-Request-Id", "mobile-7f3a.42");
        api().header("X-Request-Id", "<script>alert(1)</script>").when().get("/v1/cities").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        api().header("X-Request-Id", "x".repeat(65)).when().get("/v1/cities").then()
                .header("X-Request-Id", not(equalTo("x".repeat(65))));
    }

    @Test
    void browsersFromUnlistedOriginsAreNotLetIn() {
        RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/v1/cities")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
