package org.citylinks.common;

import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every write operation of the contract against no token, each kind of bad token, a reader, an
 * editor and an admin. Authorisation is decided before the request is looked at, so an empty body
 * and ids of nothing are enough: a caller who may not write learns nothing else.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class AuthMatrixTest {

    private static final String ID = "3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11";

    /** Method, path, and whether it needs admin (else editor). */
    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", "/v1/cities", false),
                Arguments.of("PUT", "/v1/cities/" + ID, false),
                Arguments.of("PATCH", "/v1/cities/" + ID, false),
                Arguments.of("DELETE", "/v1/cities/" + ID, true),
                Arguments.of("POST", "/v1/visits", false),
                Arguments.of("PUT", "/v1/visits/" + ID, false),
                Arguments.of("PATCH", "/v1/visits/" + ID, false),
                Arguments.of("DELETE", "/v1/visits/" + ID, true),
                Arguments.of("POST", "/v1/conferences", false),
                Arguments.of("PUT", "/v1/conferences/" + ID, false),
                Arguments.of("PATCH", "/v1/conferences/" + ID, false),
                Arguments.of("DELETE", "/v1/conferences/" + ID, true),
                Arguments.of("POST", "/v1/conferences/" + ID + "/participants", false),
                Arguments.of("PUT", "/v1/conferences/" + ID + "/participants/" + ID + "/status", false),
                Arguments.of("DELETE", "/v1/conferences/" + ID + "/participants/" + ID, false),
                Arguments.of("POST", "/v1/proposals", false),
                Arguments.of("PUT", "/v1/proposals/" + ID, false),
                Arguments.of("PATCH", "/v1/proposals/" + ID, false),
                Arguments.of("DELETE", "/v1/proposals/" + ID, true),
                Arguments.of("POST", "/v1/proposals/" + ID + "/transitions", false),
                Arguments.of("PUT", "/v1/proposals/" + ID + "/programmes/1/decision", false),
                Arguments.of("POST", "/v1/partnerships", false),
                Arguments.of("PUT", "/v1/partnerships/" + ID, false),
                Arguments.of("PATCH", "/v1/partnerships/" + ID, false),
                Arguments.of("DELETE", "/v1/partnerships/" + ID, true));
    }

    private static Response send(RequestSpecification request, String method, String path) {
        if (!method.equals("DELETE")) {
            request = request.contentType(method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .body("{}");
        }
        return request.header("If-Match", "\"0\"").request(method, path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void withoutAValidTokenIs401AndSaysOnlyThat(String method, String path, boolean adminOnly) {
        for (String token : List.of("", TestTokens.expired(), TestTokens.wrongIssuer(), TestTokens.wrongSignature(),
                TestTokens.unsigned(), "not-a-jwt")) {
            RequestSpecification request = token.isEmpty() ? invalidRequest() : invalidRequest(token);
            send(request, method, path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("detail", equalTo("Send a valid bearer token in the Authorization header."));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void eachRoleMayDoWhatItsRoleAllows(String method, String path, boolean adminOnly) {
        send(invalidRequest(TestTokens.reader()), method, path).then().statusCode(403)
                .contentType("application/problem+json");
        send(invalidRequest(TestTokens.editor()), method, path).then()
                .statusCode(adminOnly ? equalTo(403) : allowed());
        send(invalidRequest(TestTokens.admin()), method, path).then().statusCode(allowed());
    }

    /** Past authorisation: the request itself is then refused (or the target is missing), never a 5xx. */
    private static org.hamcrest.Matcher<Integer> allowed() {
        return allOf(not(oneOf(401, 403)), lessThan(500));
    }
}
