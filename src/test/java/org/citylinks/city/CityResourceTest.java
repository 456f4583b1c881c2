package org.citylinks.city;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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

import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class CityResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void createReturnsTheCityWithLocationAndETagAndRecordsWhoCreatedIt() {
        Response created = Cities.create(Map.of(
                "name", "Pekalongan", "countryCode", "ID", "region", "Jawa Tengah",
                "location", Map.of("lat", -6.8883, "lon", 109.6753), "population", 298386,
                "memberships", List.of(Map.of("network", "UCCN", "field", "CRAFTS_AND_FOLK_ART", "since", 2014))));

        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/cities/" + id));
        assertEquals("\"0\"", created.header("ETag"));
        assertEquals("Pekalongan", created.path("asciiName"));
        assertEquals("operator@citylinks.test", created.path("createdBy"));
        assertEquals("operator@citylinks.test", created.path("updatedBy"));

        api().when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Pekalongan"))
                .body("memberships[0].network", equalTo("UCCN"))
                .body("memberships[0].field", equalTo("CRAFTS_AND_FOLK_ART"))
                .body("memberships[0].since", equalTo(2014))
                .body("location.lat", equalTo(-6.8883f));
    }

    @Test
    void asciiNameIsDerivedFromTheNameWhenLeftOut() {
        Cities.create("São Paulo", "BR").then().body("asciiName", equalTo("Sao Paulo"));
        Cities.create("Bağcılar", "TR").then().body("asciiName", equalTo("Bagcilar"));
    }

    @Test
    void getWithCurrentETagInIfNoneMatchIsNotModified() {
        Response created = Cities.create("Metz", "FR");
        api().header("If-None-Match", created.header("ETag"))
                .when().get("/v1/cities/{id}", created.path("id").toString())
                .then().statusCode(304).header("ETag", "\"0\"").body(equalTo(""));
        api().header("If-None-Match", "\"41\"")
                .when().get("/v1/cities/{id}", created.path("id").toString())
                .then().statusCode(200);
    }

    @Test
    void unknownCityIsAProblem404() {
        api().when().get("/v1/cities/{id}", "3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/not-found"))
                .body("detail", containsString("3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11"));
    }

    @Test
    void putReplacesEveryFieldAndBumpsTheETag() {
        Response created = Cities.create(Map.of("name", "Ambon", "countryCode", "ID", "region", "Maluku",
                "population", 1));
        String id = created.path("id");
        api(TestTokens.token("other-operator@citylinks.test", java.util.Set.of("operator")))
                .contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Map.of("name", "Ambon", "countryCode", "ID", "population", 372249,
                        "memberships", List.of(Map.of("network", "UCCN", "field", "MUSIC", "since", 2019))))
                .when().put("/v1/cities/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("region", nullValue())
                .body("population", equalTo(372249))
                .body("memberships", hasSize(1))
                .body("createdBy", equalTo("operator@citylinks.test"))
                .body("updatedBy", equalTo("other-operator@citylinks.test"));
    }

    @Test
    void writesWithoutIfMatchArePreconditionRequiredAndChangeNothing() {
        Response created = Cities.create("Darwin", "AU");
        String id = created.path("id");
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed", "countryCode", "AU"))
                .when().put("/v1/cities/{id}", id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("If-Match"));
        invalidRequest(TestTokens.operator()).contentType(MERGE_PATCH).body(Map.of("name", "Renamed"))
                .when().patch("/v1/cities/{id}", id)
                .then().statusCode(428);
        invalidRequest(TestTokens.operator())
                .when().delete("/v1/cities/{id}", id)
                .then().statusCode(428);
        api().when().get("/v1/cities/{id}", id).then().statusCode(200).body("name", equalTo("Darwin")).header("ETag", "\"0\"");
    }

    @Test
    void writesWithAStaleETagArePreconditionFailedAndChangeNothing() {
        Response created = Cities.create("Denpasar", "ID");
        String id = created.path("id");
        String first = created.header("ETag");
        api(TestTokens.operator()).contentType(MERGE_PATCH).header("If-Match", first).body(Map.of("population", 834881))
                .when().patch("/v1/cities/{id}", id).then().statusCode(200).header("ETag", "\"1\"");

        api(TestTokens.operator()).contentType(MERGE_PATCH).header("If-Match", first).body(Map.of("name", "Stale"))
                .when().patch("/v1/cities/{id}", id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/precondition-failed"));
        api(TestTokens.operator()).header("If-Match", first)
                .when().delete("/v1/cities/{id}", id).then().statusCode(412);
        api(TestTokens.operator()).header("If-Match", "W/\"1\"").contentType(MERGE_PATCH).body(Map.of("name", "Weak"))
                .when().patch("/v1/cities/{id}", id).then().statusCode(412);

        api().when().get("/v1/cities/{id}", id).then().body("name", equalTo("Denpasar")).body("population", equalTo(834881));
    }

    @Test
    void mergePatchSetsClearsAndKeepsFields() {
        Response created = Cities.create(Map.of("name", "Chiang Mai", "countryCode", "TH", "region", "Chiang Mai",
                "population", 132634, "location", Map.of("lat", 18.7889, "lon", 98.9833)));
        Map<String, Object> patch = new java.util.HashMap<>();
        patch.put("region", null);
        patch.put("location", Map.of("lat", 18.8, "lon", 98.9833));
        patch.put("memberships", List.of(Map.of("network", "UCCN", "field", "CRAFTS_AND_FOLK_ART", "since", 2017)));
        api(TestTokens.operator()).contentType(MERGE_PATCH).header("If-Match", created.header("ETag")).body(patch)
                .when().patch("/v1/cities/{id}", created.path("id").toString())
                .then().statusCode(200)
                .body("region", nullValue())
                .body("population", equalTo(132634))
                .body("location.lat", equalTo(18.8f))
                .body("location.lon", equalTo(98.9833f))
                .body("memberships[0].field", equalTo("CRAFTS_AND_FOLK_ART"));
    }

    @Test
    void mergePatchThatBreaksARuleIs422WithPointersAndChangesNothing() {
        Response created = Cities.create("Icheon", "KR");
        String id = created.path("id");
        Map<String, Object> patch = new java.util.HashMap<>();
        patch.put("name", null);
        invalidRequest(TestTokens.operator()).contentType(MERGE_PATCH).header("If-Match", created.header("ETag"))
                .body(patch)
                .when().patch("/v1/cities/{id}", id)
                .then().statusCode(422)
                .body("errors.pointer", hasItem("/name"));
        api(TestTokens.operator()).contentType(MERGE_PATCH).header("If-Match", created.header("ETag"))
                .body(Map.of("memberships", List.of(Map.of("network", "WCCF", "field", "MUSIC"))))
                .when().patch("/v1/cities/{id}", id)
                .then().statusCode(422)
                .body("errors.pointer", hasItem("/memberships/0/field"));
        api().when().get("/v1/cities/{id}", id).then().body("name", equalTo("Icheon")).body("memberships", hasSize(0));
    }

    @Test
    void invalidContentIs422NamingEachFieldAsTheClientWroteIt() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "", "countryCode", "ID",
                        "location", Map.of("lat", 91, "lon", 0),
                        "memberships", List.of(Map.of("network", "UCCN", "since", 1200))))
                .when().post("/v1/cities")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/validation-failed"))
                .body("errors.pointer", hasItem("/location/lat"))
                .body("errors.pointer", hasItem("/name"))
                .body("errors.pointer", hasItem("/memberships/0/since"))
                .body(not(containsString("arg0")))
                .body(not(containsString("createCity")));

        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Nowhere", "countryCode", "XX",
                        "memberships", List.of(Map.of("network", "UCCN"), Map.of("network", "WCCF", "field", "FILM"))))
                .when().post("/v1/cities")
                .then().statusCode(422)
                .body("errors.pointer", hasItem("/countryCode"))
                .body("errors.pointer", hasItem("/memberships/0/field"))
                .body("errors.pointer", hasItem("/memberships/1/field"));
    }

    /** Kosovo's code is not ISO 3166-1's, but it is the one the EU, CLDR and the world data use. */
    @Test
    void pristinaIsInXk() {
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "Pristina " + Cities.tag(),
                "countryCode", "XK")).when().post("/v1/cities").then().statusCode(201).body("countryCode", equalTo("XK"));
        api().queryParam("country", "xk").get("/v1/cities").then().statusCode(200)
                .body("items.countryCode", hasItem("XK"));
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "Nowhere", "countryCode", "XX"))
                .when().post("/v1/cities").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/countryCode"))
                .body("errors[0].message", containsString("XK for Kosovo"));
    }

    @Test
    void anExternalIdBelongsToOneCity() {
        String geonames = Long.toString(org.citylinks.common.TestRandom.nextLong(1_000_000_000L));
        Cities.create(Map.of("name", "Kanazawa", "countryCode", "JP", "externalIds", Map.of("geonames", geonames)));
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Kanazawa again", "countryCode", "JP", "externalIds", Map.of("geonames", geonames)))
                .when().post("/v1/cities")
                .then().statusCode(409)
                .body("errors[0].pointer", equalTo("/externalIds/geonames"));
    }

    @Test
    void deleteNeedsAdminAndACurrentETag() {
        Response created = Cities.create("Aswān", "EG");
        String id = created.path("id");
        invalidRequest(TestTokens.editor()).header("If-Match", created.header("ETag"))
                .when().delete("/v1/cities/{id}", id).then().statusCode(403);
        api(TestTokens.operator()).header("If-Match", "\"" + (Long.parseLong(created.header("ETag").replace("\"", "")) + 1) + "\"")
                .when().delete("/v1/cities/{id}", id).then().statusCode(412);
        api().when().get("/v1/cities/{id}", id).then().statusCode(200);
        api(TestTokens.operator()).header("If-Match", created.header("ETag"))
                .when().delete("/v1/cities/{id}", id).then().statusCode(204);
        api().when().get("/v1/cities/{id}", id).then().statusCode(404);
        api(TestTokens.operator()).header("If-Match", created.header("ETag"))
                .when().delete("/v1/cities/{id}", id).then().statusCode(404);
    }

    @Test
    void twoWritersWithTheSameETagOneWinsTheOtherGets412() throws Exception {
        Response created = Cities.create("Hangzhou", "CN");
        String id = created.path("id");
        String etag = created.header("ETag");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            long population = 1000 + i;
            Callable<Integer> write = () -> {
                start.await();
                return api(TestTokens.operator()).contentType(MERGE_PATCH).header("If-Match", etag)
                        .body(Map.of("population", population))
                        .when().patch("/v1/cities/{id}", id).then().extract().statusCode();
            };
            results.add(pool.submit(write));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses: " + statuses);
        assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), "statuses: " + statuses);
        api().when().get("/v1/cities/{id}", id).then().header("ETag", "\"1\"").body("population", notNullValue());
    }
}
