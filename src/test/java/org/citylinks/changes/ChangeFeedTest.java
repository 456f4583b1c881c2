package org.citylinks.changes;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The change feed, read as a phone syncing offline would read it: from a stored position,
 * following {@code next}, while other clients write at the same time.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ChangeFeedTest {

    private static final int WRITERS = 6;
    private static final int CITIES_PER_WRITER = 15;

    private static String now() {
        return api().queryParam("since", "now").when().get("/v1/changes").then().statusCode(200)
                .body("items", hasSize(0)).extract().path("next");
    }

    /** One read of the feed: its changes as "resource id change version", and the next position. */
    private record Read(List<String> changes, String next, boolean hasMore) {
    }

    private static Read read(String since, int limit) {
        JsonPath page = api().queryParam("since", since).queryParam("limit", limit).when().get("/v1/changes")
                .then().statusCode(200).extract().jsonPath();
        List<String> changes = new ArrayList<>();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            changes.add(item.get("resource") + " " + item.get("id") + " " + item.get("change") + " " + item.get("version"));
        }
        return new Read(changes, page.getString("next"), page.getBoolean("hasMore"));
    }

    @Test
    void createsUpdatesAndDeletesComeInOrderWithTombstones() {
        String start = now();
        String id = Cities.create("Darwin " + Cities.capitalized(Cities.tag()), "AU").then().statusCode(201)
                .extract().path("id");
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("population", 139902)).when().patch("/v1/cities/{id}", id).then().statusCode(200);
        api(TestTokens.operator()).header("If-Match", "\"1\"").when().delete("/v1/cities/{id}", id).then().statusCode(204);

        Read read = read(start, 100);
        assertEquals(List.of("city " + id + " CREATED 0", "city " + id + " UPDATED 1", "city " + id + " DELETED 1"),
                read.changes());
        assertTrue(!read.hasMore());
        // Asking again from next: nothing new, and the same position back.
        Read again = read(read.next(), 100);
        assertEquals(List.of(), again.changes());
        assertEquals(read.next(), again.next());
        api().queryParam("since", start).when().get("/v1/changes").then()
                .body("items[2].href", equalTo("/v1/cities/" + id));
        invalidRequest().queryParam("since", "yesterday").when().get("/v1/changes").then().statusCode(400)
                .body("errors[0].parameter", equalTo("since"));
    }

    @Test
    void aReaderFollowingNextMissesNothingWhileWritersCommitConcurrently() throws Exception {
        String start = now();
        Set<String> written = Collections.synchronizedSet(new HashSet<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < CITIES_PER_WRITER; i++) {
                    String id = Cities.create("Sync " + writer + " " + i + " " + Cities.capitalized(Cities.tag()), "ID")
                            .then().statusCode(201).extract().path("id");
                    written.add("city " + id + " CREATED 0");
                    api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                            .body(Map.of("population", 1000 + i)).when().patch("/v1/cities/{id}", id)
                            .then().statusCode(200);
                    written.add("city " + id + " UPDATED 1");
                    if (i % 3 == 0) {
                        api(TestTokens.operator()).header("If-Match", "\"1\"").when().delete("/v1/cities/{id}", id)
                                .then().statusCode(204);
                        written.add("city " + id + " DELETED 1");
                    }
                }
                return null;
            }));
        }
        // The reader syncs the whole time, small pages, from its stored position.
        Future<List<String>> reader = pool.submit(() -> {
            List<String> seen = new ArrayList<>();
            String position = start;
            while (true) {
                boolean last = !writing.get();
                Read read = read(position, 7);
                seen.addAll(read.changes());
                position = read.next();
                if (last && !read.hasMore()) {
                    return seen;
                }
                if (read.changes().isEmpty()) {
                    Thread.sleep(5);
                }
            }
        });
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        List<String> seen = reader.get(2, TimeUnit.MINUTES);
        pool.shutdown();

        List<String> ours = seen.stream().filter(written::contains).toList();
        System.out.printf("Change feed under load: %d writers, %d writes acknowledged, %d changes read (%d of them ours)%n",
                WRITERS, written.size(), seen.size(), ours.size());
        assertEquals(new HashSet<>(ours).size(), ours.size(), "a change was read twice");
        Set<String> missed = new HashSet<>(written);
        missed.removeAll(ours);
        assertEquals(Set.of(), missed, "committed changes the reader missed");
        // Per city, the feed's order is the order the changes happened in.
        Map<String, List<String>> byCity = new java.util.LinkedHashMap<>();
        for (String change : ours) {
            byCity.computeIfAbsent(change.split(" ")[1], k -> new ArrayList<>()).add(change.split(" ")[2]);
        }
        for (List<String> changes : byCity.values()) {
            assertTrue(changes.equals(List.of("CREATED", "UPDATED")) || changes.equals(List.of("CREATED", "UPDATED", "DELETED")),
                    changes.toString());
        }
    }
}
