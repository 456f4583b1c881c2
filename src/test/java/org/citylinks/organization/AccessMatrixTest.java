package org.citylinks.organization;

import static org.citylinks.common.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The object-level access matrix: every operation of the contract on one visit, conference or
 * proposal, by each kind of caller, on a public and on a private record, with the exact status
 * each must get, and, for every refused write, proof that it changed nothing.
 *
 * <p>The record is owned by a network's secretariat (the owner), concerns city A (proposer, origin,
 * host) and city B (partner, destination, participant), and B's government is the party. The
 * other organisation governs a city the record does not concern.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Caller {
        ANONYMOUS, READER_OF_OTHER, EDITOR_OF_OTHER, EDITOR_OF_OWNER, EDITOR_OF_PARTY, ADMIN_OF_OWNER, OPERATOR
    }

    private static final Set<Caller> PARTIES = EnumSet.of(Caller.EDITOR_OF_OWNER, Caller.EDITOR_OF_PARTY,
            Caller.ADMIN_OF_OWNER, Caller.OPERATOR);
    private static final Set<Caller> OWNER_SIDE = EnumSet.of(Caller.EDITOR_OF_OWNER, Caller.ADMIN_OF_OWNER,
            Caller.OPERATOR);
    private static final Set<Caller> OWNER_ADMIN = EnumSet.of(Caller.ADMIN_OF_OWNER, Caller.OPERATOR);
    private static final Set<Caller> PARTNER_SIDE = EnumSet.of(Caller.EDITOR_OF_PARTY, Caller.OPERATOR);

    /** One operation: the kind of record it needs, who may do it, and how to send it. */
    private record Operation(String kind, boolean read, Set<Caller> allowed, int success,
            Function<Fixture, Response> send) {

        /** Deleting a record takes the admin role (or operator), which is checked before the record is looked at. */
        boolean needsAdmin() {
            return allowed.equals(OWNER_ADMIN);
        }
    }

    /** A record made for one case, as an operator reads it. */
    record Fixture(String kind, String id, String etag, Map<String, Object> body, RequestSpecification as) {
    }

    private String cityA;
    private String cityB;
    private String cityD;
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private UUID owner;

    private final Map<String, Operation> operations = new LinkedHashMap<>();

    /** Made once, by the first test (the HTTP port is known only once the tests run). */
    private boolean made;

    private synchronized void organisations() {
        if (made) {
            return;
        }
        made = true;
        cityA = Cities.newId("ID");
        cityB = Cities.newId("FR");
        cityD = Cities.newId("IT");
        owner = Organizations.create("Secretariat " + Cities.tag(), "NETWORK", null);
        UUID party = Organizations.governmentOf(cityB);
        UUID other = Organizations.governmentOf(Cities.newId("TH"));
        tokens.put(Caller.READER_OF_OTHER, Organizations.readerOf(other));
        tokens.put(Caller.EDITOR_OF_OTHER, Organizations.editorOf(other));
        tokens.put(Caller.EDITOR_OF_OWNER, Organizations.editorOf(owner));
        tokens.put(Caller.EDITOR_OF_PARTY, Organizations.editorOf(party));
        tokens.put(Caller.ADMIN_OF_OWNER, Organizations.adminOf(owner));
        tokens.put(Caller.OPERATOR, TestTokens.operator());
    }

    /** The operations, defined before any request: the parameters of the matrix are read from them. */
    AccessMatrixTest() {
        Set<Caller> everyone = EnumSet.allOf(Caller.class);
        operations.put("GET /v1/visits/{visitId}", new Operation("visit", true, everyone, 200,
                f -> f.as().get("/v1/visits/{id}", f.id())));
        operations.put("PUT /v1/visits/{visitId}", new Operation("visit", false, PARTIES, 200,
                f -> json(f).body(changed(f.body(), "title")).put("/v1/visits/{id}", f.id())));
        operations.put("PATCH /v1/visits/{visitId}", new Operation("visit", false, PARTIES, 200,
                f -> patch(f, "title").patch("/v1/visits/{id}", f.id())));
        operations.put("DELETE /v1/visits/{visitId}", new Operation("visit", false, OWNER_ADMIN, 204,
                f -> f.as().header("If-Match", f.etag()).delete("/v1/visits/{id}", f.id())));
        operations.put("GET /v1/conferences/{conferenceId}", new Operation("conference", true, everyone, 200,
                f -> f.as().get("/v1/conferences/{id}", f.id())));
        operations.put("PUT /v1/conferences/{conferenceId}", new Operation("conference", false, OWNER_SIDE, 200,
                f -> json(f).body(changed(f.body(), "name")).put("/v1/conferences/{id}", f.id())));
        operations.put("PATCH /v1/conferences/{conferenceId}", new Operation("conference", false, OWNER_SIDE, 200,
                f -> patch(f, "name").patch("/v1/conferences/{id}", f.id())));
        operations.put("DELETE /v1/conferences/{conferenceId}", new Operation("conference", false, OWNER_ADMIN, 204,
                f -> f.as().header("If-Match", f.etag()).delete("/v1/conferences/{id}", f.id())));
        operations.put("POST /v1/conferences/{conferenceId}/participants", new Operation("conference", false,
                OWNER_SIDE, 201, f -> json(f).body(Map.of("cityId", cityD, "role", "DELEGATE"))
                        .post("/v1/conferences/{id}/participants", f.id())));
        operations.put("GET /v1/conferences/{conferenceId}/participants/{cityId}", new Operation("conference", true,
                everyone, 200, f -> f.as().get("/v1/conferences/{id}/participants/{city}", f.id(), cityB)));
        operations.put("PATCH /v1/conferences/{conferenceId}/participants/{cityId}", new Operation("conference",
                false, PARTIES, 200, f -> f.as().contentType("application/merge-patch+json")
                        .body(Map.of("track", "Changed " + Cities.tag()))
                        .patch("/v1/conferences/{id}/participants/{city}", f.id(), cityB)));
        operations.put("DELETE /v1/conferences/{conferenceId}/participants/{cityId}", new Operation("conference",
                false, PARTIES, 204, f -> f.as().delete("/v1/conferences/{id}/participants/{city}", f.id(), cityB)));
        operations.put("PUT /v1/conferences/{conferenceId}/participants/{cityId}/status", new Operation("conference",
                false, PARTIES, 200, f -> f.as().contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED"))
                        .put("/v1/conferences/{id}/participants/{city}/status", f.id(), cityB)));
        operations.put("GET /v1/proposals/{proposalId}", new Operation("proposal", true, everyone, 200,
                f -> f.as().get("/v1/proposals/{id}", f.id())));
        operations.put("PUT /v1/proposals/{proposalId}", new Operation("proposal", false, OWNER_SIDE, 200,
                f -> json(f).body(changed(f.body(), "title")).put("/v1/proposals/{id}", f.id())));
        operations.put("PATCH /v1/proposals/{proposalId}", new Operation("proposal", false, OWNER_SIDE, 200,
                f -> patch(f, "title").patch("/v1/proposals/{id}", f.id())));
        operations.put("DELETE /v1/proposals/{proposalId}", new Operation("proposal", false, OWNER_ADMIN, 204,
                f -> f.as().header("If-Match", f.etag()).delete("/v1/proposals/{id}", f.id())));
        operations.put("POST /v1/proposals/{proposalId}/transitions", new Operation("proposal", false, OWNER_SIDE,
                200, f -> f.as().contentType(ContentType.JSON).body(Map.of("to", "WITHDRAWN"))
                        .post("/v1/proposals/{id}/transitions", f.id())));
        operations.put("PUT /v1/proposals/{proposalId}/programmes/{number}/decision", new Operation("proposal",
                false, PARTNER_SIDE, 200, f -> f.as().contentType(ContentType.JSON)
                        .body(Map.of("decision", "ACCEPTED")).put("/v1/proposals/{id}/programmes/1/decision", f.id())));
    }

    /** The matrix covers every operation of the contract on one visit, conference or proposal. */
    @Test
    void everyOperationOnARecordIsInTheMatrix() {
        io.swagger.v3.oas.models.OpenAPI contract = new io.swagger.v3.parser.OpenAPIV3Parser()
                .read(java.nio.file.Path.of("openapi", "citylinks.yaml").toString());
        Set<String> recordOperations = new TreeSet<>();
        contract.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (template.matches("/v1/(visits|conferences|proposals)/\\{[A-Za-z]+}.*")) {
                recordOperations.add(method.name() + " " + template);
            }
        }));
        assertEquals(recordOperations, new TreeSet<>(operations.keySet()));
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String operation : operations.keySet()) {
            for (String visibility : List.of("PUBLIC", "PARTIES")) {
                for (Caller caller : Caller.values()) {
                    cases.add(Arguments.of(operation, visibility, caller));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on a {1} record by {2}")
    @MethodSource("cases")
    void eachCallerGetsExactlyWhatItsSideAllows(String name, String visibility, Caller caller) {
        organisations();
        Operation operation = operations.get(name);
        Fixture fixture = fixture(operation.kind(), visibility, caller);
        boolean sees = visibility.equals("PUBLIC") || PARTIES.contains(caller);
        int expected;
        if (operation.read()) {
            expected = sees ? operation.success() : 404;
        } else if (caller == Caller.ANONYMOUS) {
            expected = 401;
        } else if (caller == Caller.READER_OF_OTHER
                || operation.needsAdmin() && caller != Caller.ADMIN_OF_OWNER && caller != Caller.OPERATOR) {
            expected = 403; // the role is missing: refused before the record is looked at, so nothing leaks
        } else if (!sees) {
            expected = 404; // for this caller the record does not exist
        } else {
            expected = operation.allowed().contains(caller) ? operation.success() : 403;
        }
        Response response = operation.send().apply(fixture);
        assertEquals(expected, response.statusCode(), name + " on a " + visibility + " record by " + caller + ": "
                + response.asString());
        if (expected >= 400) {
            if (expected == 403 && !operation.read()) {
                assertEquals("application/problem+json", response.contentType().replaceAll(";.*", ""));
            }
            Response after = api(TestTokens.operator()).get("/v1/" + plural(fixture.kind()) + "/{id}", fixture.id());
            assertEquals(200, after.statusCode(), "a refused request removed the record");
            assertEquals(fixture.etag(), after.header("ETag"), "a refused request changed the record");
        }
    }

    /** A new record owned by the secretariat, with the visibility asked for, in the state the operations need. */
    private Fixture fixture(String kind, String visibility, Caller caller) {
        String owner = tokens.get(Caller.EDITOR_OF_OWNER);
        Map<String, Object> body = new HashMap<>();
        body.put("visibility", visibility);
        switch (kind) {
            case "visit" -> body.putAll(Map.of("title", "Delegation " + Cities.tag(), "fromCityId", cityA,
                    "toCityId", cityB, "startDate", "2016-03-10", "mode", "IN_PERSON"));
            case "conference" -> body.putAll(Map.of("name", "Conference " + Cities.tag(), "hostCityId", cityA,
                    "startDate", "2023-04-20", "mode", "IN_PERSON",
                    "participants", List.of(Map.of("cityId", cityB, "role", "SPEAKER"))));
            default -> body.putAll(Map.of("title", "Music " + Cities.tag(), "proposerCityId", cityA,
                    "partnerCityId", cityB, "relationshipType", "THEMATIC_PARTNERSHIP",
                    "programmes", List.of(Map.of("number", 1, "title", "Teacher exchange"))));
        }
        String id = api(owner).contentType(ContentType.JSON).body(body).post("/v1/" + plural(kind))
                .then().statusCode(201).extract().path("id");
        if (kind.equals("proposal")) {
            api(owner).contentType(ContentType.JSON).body(Map.of("to", "SUBMITTED"))
                    .post("/v1/proposals/{id}/transitions", id).then().statusCode(200);
        }
        Response read = api(TestTokens.operator()).get("/v1/" + plural(kind) + "/{id}", id);
        // Anonymous writes break the contract's security requirement on purpose: only the answer is checked.
        RequestSpecification as = caller == Caller.ANONYMOUS ? org.citylinks.common.Api.invalidRequest()
                : api(tokens.get(caller));
        return new Fixture(kind, id, read.header("ETag"), read.jsonPath().getMap(""), as);
    }

    private static RequestSpecification json(Fixture fixture) {
        return fixture.as().contentType(ContentType.JSON).header("If-Match", fixture.etag());
    }

    private static RequestSpecification patch(Fixture fixture, String field) {
        return fixture.as().contentType("application/merge-patch+json").header("If-Match", fixture.etag())
                .body(Map.of(field, "Changed " + Cities.tag()));
    }

    /** The representation sent back whole, one field changed: what most clients do. */
    private static Map<String, Object> changed(Map<String, Object> body, String field) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, "Changed " + Cities.tag());
        return changed;
    }

    private static String plural(String kind) {
        return kind + "s";
    }
}
