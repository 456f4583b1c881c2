package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Many clients changing the same thing at the same moment: exactly one wins, the others are told
 * (409 or 412), and what is stored afterwards is what the winner wrote.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
public class RacesTest {

    static final int THREADS = 16;

    /** Runs {@code request(i)} on {@link #THREADS} threads released together; the statuses, in order. */
    static List<Integer> race(IntFunction<Integer> request) throws Exception {
        return race(THREADS, request);
    }

    /** Runs {@code request(i)} on {@code threads} threads released together; the statuses, in order. */
    public static List<Integer> race(int threads, IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return request.apply(index);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    static void exactlyOneWon(List<Integer> statuses, int won) {
        assertEquals(1, statuses.stream().filter(s -> s == won).count(), () -> "statuses: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == won || s == 409 || s == 412), () -> "statuses: " + statuses);
    }

    static String post(String path, Map<String, Object> body) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void concurrentTransitionsOfOneProposalMoveItOnce() throws Exception {
        // Officers who all read the draft (ETag "0") and each decide something else: one move wins.
        String proposal = newProposal();
        List<Integer> statuses = race(i -> api(TestTokens.operator()).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("to", i % 2 == 0 ? "SUBMITTED" : "WITHDRAWN"))
                .when().post("/v1/proposals/{id}/transitions", proposal).then().extract().statusCode());
        exactlyOneWon(statuses, 200);
        api().when().get("/v1/proposals/{id}", proposal).then().body("history", hasSize(2)).header("ETag", "\"1\"");

        // The same move, without an ETag: it is made once, and the history says so once.
        String other = newProposal();
        statuses = race(i -> api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("to", "SUBMITTED"))
                .when().post("/v1/proposals/{id}/transitions", other).then().extract().statusCode());
        exactlyOneWon(statuses, 200);
        api().when().get("/v1/proposals/{id}", other).then().body("history.to", contains("DRAFT", "SUBMITTED"));
    }

    private static String newProposal() {
        return post("/v1/proposals", Map.of("title", "Race " + Cities.tag(), "proposerCityId", Cities.newId("ID"),
                "partnerCityId", Cities.newId("FR"), "relationshipType", "SISTER_CITY", "visibility", "PUBLIC"));
    }

    @Test
    void concurrentSigningsCreateOnePartnership() throws Exception {
        String a = Cities.newId("ID");
        String b = Cities.newId("FR");
        String proposal = post("/v1/proposals", Map.of("title", "Race " + Cities.tag(), "proposerCityId", a,
                "partnerCityId", b, "relationshipType", "SISTER_CITY", "visibility", "PUBLIC"));
        for (String to : List.of("SUBMITTED", "UNDER_REVIEW", "ACCEPTED")) {
            api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("to", to))
                    .when().post("/v1/proposals/{id}/transitions", proposal).then().statusCode(200);
        }
        List<Integer> statuses = race(i -> api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("to", "SIGNED"))
                .when().post("/v1/proposals/{id}/transitions", proposal).then().extract().statusCode());
        exactlyOneWon(statuses, 200);
        api().queryParam("cityId", a).when().get("/v1/partnerships").then().body("items", hasSize(1))
                .body("items[0].sourceProposalId", equalTo(proposal));
        api().when().get("/v1/proposals/{id}", proposal).then().body("history", hasSize(5));
    }

    @Test
    void concurrentParticipantChangesOfOneConferenceApplyOnce() throws Exception {
        String conference = post("/v1/conferences", Map.of("name", "Race " + Cities.tag(),
                "hostCityId", Cities.newId("FR"), "startDate", "2023-04-14", "mode", "IN_PERSON"));
        List<String> cities = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            cities.add(Cities.newId("ID"));
        }
        // Different cities at once, all based on the same ETag: one change wins.
        List<Integer> statuses = race(i -> api(TestTokens.operator()).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("cityId", cities.get(i), "role", "DELEGATE"))
                .when().post("/v1/conferences/{id}/participants", conference).then().extract().statusCode());
        exactlyOneWon(statuses, 201);
        String winner = cities.get(statuses.indexOf(201));
        api().when().get("/v1/conferences/{id}", conference).then().header("ETag", "\"1\"")
                .body("participants.cityId", contains(winner));

        // The same city at once, without an ETag: it is added once.
        String same = Cities.newId("AU");
        statuses = race(i -> api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("cityId", same, "role", "SPEAKER"))
                .when().post("/v1/conferences/{id}/participants", conference).then().extract().statusCode());
        exactlyOneWon(statuses, 201);
        api().when().get("/v1/conferences/{id}", conference).then().body("participants", hasSize(2));
    }

    @Test
    void concurrentPartnershipsForOnePairCreateOne() throws Exception {
        String a = Cities.newId("ID");
        String b = Cities.newId("AU");
        List<Integer> statuses = race(i -> api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("cityIds", i % 2 == 0 ? List.of(a, b) : List.of(b, a),
                        "relationshipType", "SISTER_CITY", "since", "2020"))
                .when().post("/v1/partnerships").then().extract().statusCode());
        exactlyOneWon(statuses, 201);
        api().queryParam("cityId", a).when().get("/v1/partnerships").then().body("items", hasSize(1));
    }
}
