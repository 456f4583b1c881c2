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
 * editor, an admin and an operator, by role alone (AccessMatrixTest is the same by organisation). Authorisation is decided before the request is looked at, so an empty body
 * and ids of nothing are enough: a caller who may not write learns nothing else.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class AuthMatrixTest {

    private static final String ID = "3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11";

    /**
     * Every operation of the contract that takes a bearer token, read from the contract itself so
     * that none is missed: method, a path with ids of nothing, and the least role it needs. The
     * policy the contract states: imports and adding or deleting an organisation need
     * {@code operator}; deletes of a resource and an organisation's profile {@code admin}; every
     * other write {@code editor} (a participant leaving a conference is a change to the conference, and
     * unlinking a programme's evidence a change to the partnership).
     */
    static Stream<Arguments> writes() {
        io.swagger.v3.oas.models.OpenAPI contract = new io.swagger.v3.parser.OpenAPIV3Parser()
                .read(java.nio.file.Path.of("openapi", "citylinks.yaml").toString());
        List<Arguments> writes = new java.util.ArrayList<>();
        contract.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean secured = operation.getSecurity() == null ? contract.getSecurity() != null
                    && !contract.getSecurity().isEmpty() : !operation.getSecurity().isEmpty();
            if (!secured) {
                return;
            }
            String path = template.replaceAll("\\{number}", "1").replaceAll("\\{[A-Za-z]+}", ID);
            boolean delete = method == io.swagger.v3.oas.models.PathItem.HttpMethod.DELETE;
            boolean organization = path.startsWith("/v1/organizations");
            String least = path.endsWith("/import") || organization && (delete || path.equals("/v1/organizations"))
                    ? Roles.OPERATOR
                    : organization || delete && !path.contains("/participants/") && !path.contains("/evidence/")
                            ? Roles.ADMIN : Roles.EDITOR;
            writes.add(Arguments.of(method.name(), path, least));
        }));
        org.junit.jupiter.api.Assertions.assertTrue(writes.size() >= 27, "the contract's writes: " + writes.size());
        return writes.stream();
    }

    private static Response send(RequestSpecification request, String method, String path) {
        // The operation's own media type: a JSON body, a merge patch, or a CSV import.
        if (!method.equals("DELETE")) {
            request = request.contentType(method.equals("PATCH") ? "application/merge-patch+json"
                    : path.endsWith("/import") ? "text/csv" : "application/json")
                    .body(path.endsWith("/import") ? "name\n" : "{}");
        }
        return request.header("If-Match", "\"0\"").request(method, path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void withoutAValidTokenIs401AndSaysOnlyThat(String method, String path, String least) {
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
    void eachRoleMayDoWhatItsRoleAllows(String method, String path, String least) {
        send(invalidRequest(TestTokens.reader()), method, path).then().statusCode(403)
                .contentType("application/problem+json");
        send(invalidRequest(TestTokens.editor()), method, path).then()
                .statusCode(least.equals(Roles.EDITOR) ? allowed() : equalTo(403));
        send(invalidRequest(TestTokens.admin()), method, path).then()
                .statusCode(least.equals(Roles.OPERATOR) ? equalTo(403) : allowed());
        send(invalidRequest(TestTokens.operator()), method, path).then().statusCode(allowed());
    }

    /** Past authorisation: the request itself is then refused (or the target is missing), never a 5xx. */
    private static org.hamcrest.Matcher<Integer> allowed() {
        return allOf(not(oneOf(401, 403)), lessThan(500));
    }
}
