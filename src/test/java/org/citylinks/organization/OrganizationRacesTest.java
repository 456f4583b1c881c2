package org.citylinks.organization;

import static org.citylinks.common.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestRandom;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What must hold when organisations act at the same moment. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class OrganizationRacesTest {

    /**
     * Both sides sign at the same moment, several times each: every round ends SIGNED with one
     * signature per side and one partnership, each side's first signature is a 200 and every repeat
     * a 409, whichever comes first.
     */
    @Test
    void bothSidesSigningAtOnceSignItOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String ambon = Cities.newId("ID");
            String metz = Cities.newId("FR");
            String ambonEditor = Organizations.editorOf(Organizations.governmentOf(ambon));
            String metzEditor = Organizations.editorOf(Organizations.governmentOf(metz));
            String proposal = api(ambonEditor).contentType(ContentType.JSON).body(Map.of("title", "Music",
                    "proposerCityId", ambon, "partnerCityId", metz, "relationshipType", "SISTER_CITY"))
                    .post("/v1/proposals").then().statusCode(201).extract().path("id");
            move(ambonEditor, proposal, "SUBMITTED", 200);
            move(metzEditor, proposal, "UNDER_REVIEW", 200);
            move(metzEditor, proposal, "ACCEPTED", 200);

            List<String> signers = List.of(ambonEditor, metzEditor, ambonEditor, metzEditor, ambonEditor, metzEditor);
            List<Integer> statuses = org.citylinks.common.RacesTest.race(signers.size(), i -> api(signers.get(i)).contentType(ContentType.JSON)
                    .body(Map.of("to", "SIGNED")).post("/v1/proposals/{id}/transitions", proposal).statusCode());
            assertEquals(2, Collections.frequency(statuses, 200), "one signature per side: " + statuses);
            assertEquals(4, Collections.frequency(statuses, 409), "the repeats: " + statuses);
            JsonPath signed = api(ambonEditor).get("/v1/proposals/{id}", proposal).jsonPath();
            assertEquals("SIGNED", signed.getString("status"));
            assertEquals(List.of("PROPOSER", "PARTNER"), signed.getList("signatures.side"));
            assertEquals(1, api().queryParam("cityId", ambon).get("/v1/partnerships").jsonPath().getList("items").size());
        }
    }

    /**
     * An anonymous client keeps an offline copy from the change feed while the owner keeps
     * turning visits private and public again. When the writer stops and the client reads to the
     * end, its copy holds exactly the visits it may see: none that went private stays, and none
     * that came back is missing.
     */
    @Test
    void anOfflineCopyFollowsVisibilityChangedWhileTheFeedIsRead() throws Exception {
        String city = Cities.newId("ID");
        String owner = Organizations.editorOf(Organizations.governmentOf(city));
        String start = api().queryParam("since", "now").get("/v1/changes").jsonPath().getString("next");
        List<String> visits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            visits.add(api(owner).contentType(ContentType.JSON).body(Map.of("title", "Visit " + i, "fromCityId", city,
                    "toCityId", Cities.newId("FR"), "startDate", "2020-11-20", "mode", "VIRTUAL"))
                    .post("/v1/visits").then().statusCode(201).extract().path("id"));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> writer = pool.submit(() -> {
            try {
                for (int i = 0; i < 40; i++) {
                    String visit = visits.get(TestRandom.nextInt(visits.size()));
                    io.restassured.response.Response current = api(owner).get("/v1/visits/{id}", visit);
                    String next = current.jsonPath().getString("visibility").equals("PUBLIC") ? "PARTIES" : "PUBLIC";
                    api(owner).contentType("application/merge-patch+json").header("If-Match", current.header("ETag"))
                            .body(Map.of("visibility", next)).patch("/v1/visits/{id}", visit);
                }
            } finally {
                writing.set(false);
            }
        });
        Set<String> copy = new HashSet<>();
        String position = start;
        boolean more = true;
        boolean drained = false;
        // Reads while the writer writes, then on to the end of the feed once it has stopped.
        while (!drained) {
            boolean last = !writing.get();
            JsonPath page = api().queryParam("since", position).queryParam("limit", 5).get("/v1/changes").jsonPath();
            for (Map<String, Object> change : page.<Map<String, Object>>getList("items")) {
                String id = (String) change.get("id");
                if (visits.contains(id)) {
                    if (change.get("change").equals("DELETED")) {
                        copy.remove(id);
                    } else {
                        copy.add(id);
                    }
                }
            }
            position = page.getString("next");
            more = page.getBoolean("hasMore");
            drained = last && !more;
        }
        writer.get();
        pool.shutdown();
        Set<String> visible = new HashSet<>(api().queryParam("cityId", city).queryParam("limit", 100)
                .get("/v1/visits").jsonPath().getList("items.id"));
        assertEquals(visible, copy);
    }

    private static void move(String token, String proposal, String to, int status) {
        api(token).contentType(ContentType.JSON).body(Map.of("to", to)).post("/v1/proposals/{id}/transitions", proposal)
                .then().statusCode(status);
    }
}
