package org.citylinks.ops;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ObservabilityTest {

    @Test
    void readinessSaysWhatItChecked() {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database migrations' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database migrations' }.data.schemaVersion", matchesPattern("[0-9]+"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void metricsHaveHttpTimingsPerRouteTemplateAndDomainGauges() {
        String id = Cities.newId("ID");
        RestAssured.given().when().get("/v1/cities/{id}", id).then().statusCode(200);
        RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/v1/cities/{cityId}\""))
                .body(containsString("citylinks_proposals{status=\"DRAFT\"}"))
                .body(containsString("citylinks_partnerships{status=\"ACTIVE\"}"));
    }
}
