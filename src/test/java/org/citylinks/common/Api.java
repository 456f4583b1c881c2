package org.citylinks.common;

import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Every request of the API tests goes through here, so every exchange is checked against
 * {@code openapi/citylinks.yaml}: the request (unexpected query parameters included) and the response.
 */
public final class Api {

    private static final String CONTRACT = Path.of("openapi", "citylinks.yaml").toAbsolutePath().toUri().toString();

    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                            .build())
                    .build());

    /** Checks only the response: for the tests that send a request the contract forbids, on purpose. */
    private static final OpenApiValidationFilter RESPONSE_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    public static RequestSpecification api() {
        return RestAssured.given().filter(STRICT);
    }

    public static RequestSpecification api(String token) {
        return api().header("Authorization", "Bearer " + token);
    }

    /** A request the contract does not allow (a negative test); the response is still checked. */
    public static RequestSpecification invalidRequest() {
        return RestAssured.given().filter(RESPONSE_ONLY);
    }

    public static RequestSpecification invalidRequest(String token) {
        return invalidRequest().header("Authorization", "Bearer " + token);
    }
}
