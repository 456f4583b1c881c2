package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The tests' real PostgreSQL goes away and comes back: requests get a prompt 503 with
 * {@code Retry-After} (not a 500, not a hang), readiness goes down while liveness stays up, and the
 * service recovers by itself once the database is back.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class DatabaseOutageTest {

    @Test
    void anOutageIsA503AndTheServiceRecoversByItself() throws InterruptedException {
        assumeTrue(EmbeddedPostgresResource.embedded(), "needs the embedded PostgreSQL, which the test stops");
        api().when().get("/v1/cities").then().statusCode(200);

        EmbeddedPostgresResource.stopDatabase();
        long recoveredInMillis;
        try {
            long asked = System.nanoTime();
            api().when().get("/v1/cities").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://citylinks.org/problems/service-unavailable"));
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
            assertTrue(answeredIn.toSeconds() < 10, () -> "a request waited " + answeredIn + " for the database");
            System.out.printf("503 answered in %d ms with the database down%n", answeredIn.toMillis());
            api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "Lost", "countryCode", "ID"))
                    .when().post("/v1/cities").then().statusCode(503);
            RestAssured.given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            RestAssured.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            EmbeddedPostgresResource.startDatabase();
        }
        long back = System.nanoTime();
        int status = 0;
        while (System.nanoTime() - back < Duration.ofSeconds(60).toNanos()) {
            status = RestAssured.given().when().get("/v1/cities").then().extract().statusCode();
            if (status == 200) {
                break;
            }
            Thread.sleep(50);
        }
        recoveredInMillis = (System.nanoTime() - back) / 1_000_000;
        assertTrue(status == 200, "the service did not recover within 60 s of the database's return");
        System.out.printf("Recovered %d ms after the database was back%n", recoveredInMillis);
        api().when().get("/v1/cities").then().statusCode(200);
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
