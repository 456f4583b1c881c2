package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Every failure, Quarkus' own included, is a problem+json without internals. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ProblemsTest {

    @Test
    void unknownRouteIs404Problem() {
        // Not in the contract, so it cannot be validated against it.
        RestAssured.given().when().get("/v1/nowhere")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("type", equalTo("https://citylinks.org/problems/not-found"));
    }

    @Test
    void methodNotAllowedIs405Problem() {
        RestAssured.given().when().delete("/v1/cities")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/method-not-allowed"));
    }

    @Test
    void unacceptableMediaTypeIs406Problem() {
        invalidRequest().accept("text/csv").when().get("/v1/cities")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void unsupportedBodyTypeIs415Problem() {
        invalidRequest(TestTokens.operator()).contentType("text/plain").body("name=Metz")
                .when().post("/v1/cities")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400Problem() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body("{\"name\": \"Metz\",")
                .when().post("/v1/cities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/invalid-request"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aValueOfTheWrongTypeIs400WithItsPointer() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\": \"Metz\", \"countryCode\": \"FR\", \"location\": {\"lat\": \"north\", \"lon\": 6.1}}")
                .when().post("/v1/cities")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/location/lat"));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\": \"Metz\", \"countryCode\": \"FR\", \"memberships\": [{\"network\": \"NATO\"}]}")
                .when().post("/v1/cities")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/memberships/0/network"))
                .body(not(containsString("NetworkDto")));
    }

    @Test
    void anUnknownPropertyIs400WithItsPointer() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\": \"Metz\", \"countryCode\": \"FR\", \"mayor\": \"François Grosdidier\"}")
                .when().post("/v1/cities")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/mayor"));
    }

    @Test
    void aMissingBodyIs400() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .when().post("/v1/cities")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aMalformedIdIs404Or400AndNeverA500() {
        invalidRequest().when().get("/v1/cities/not-a-uuid")
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 404)).contentType("application/problem+json");
    }
}
