package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What needs the service in this JVM: its log, and the origin the test profile allows (a deployment
 * lists its own in {@code QUARKUS_HTTP_CORS_ORIGINS}; there is none by default).
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class CorsAndRequestLogTest {

    @Test
    void aListedOriginMayCallTheApiAndReadItsHeaders() {
        RestAssured.given().header("Origin", "https://partner.citylinks.test")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/v1/cities")
                .then().header("Access-Control-Allow-Origin", "https://partner.citylinks.test");
        api().header("Origin", "https://partner.citylinks.test").when().get("/v1/cities").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://partner.citylinks.test")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"));
    }

    @Test
    void theRequestIdIsInTheLogLineOfItsRequest() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.citylinks.request");
        logger.addHandler(capture);
        try {
            api().header("X-Request-Id", "trace-me-123").when().get("/v1/cities").then().statusCode(200);
            for (int i = 0; i < 50 && lines.stream().noneMatch(l -> l.contains("trace-me-123")); i++) {
                Thread.sleep(20); // the line is written when the response has been sent
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("GET /v1/cities 200") && l.contains("request-id=trace-me-123")),
                    () -> "log lines: " + lines);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
