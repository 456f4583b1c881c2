package org.citylinks.imports;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * GeoNames' dumps, from the excerpts in src/test/resources/geonames (CC BY 4.0, GeoNames): a
 * cities dump matches the cities already there by name, country and distance and gives them their
 * other names, creates the rest and reports what it cannot place; the alternate names dump adds
 * names with their languages. On a database of its own (its profile), so that the counts are exact.
 */
@QuarkusTest
@TestProfile(GeoNamesImportTest.FreshDatabase.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class GeoNamesImportTest {

    /** No settings of its own: a profile of its own starts the service, and its database, afresh. */
    public static class FreshDatabase implements QuarkusTestProfile {
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theNamesPeopleWriteComeFromGeoNames() throws IOException {
        String milan = city("Milan", "IT", 45.4643, 9.1895);
        String cologne = city("Cologne", "DE", 50.9375, 6.9603);
        String milanTennessee = city("Milan", "US", 35.9198, -88.7589);

        Response cities = post(excerpt("cities-excerpt.txt"));
        assertEquals(8, cities.<Integer>path("lines"));
        assertEquals(4, cities.<Integer>path("created"), "Jakarta, Mumbai, Pristina, Kanazawa");
        assertEquals(2, cities.<Integer>path("updated"), "Milan and Cologne, matched by name, country and distance");
        cities.then().body("problems.line", containsInAnyOrder(7, 8))
                .body("problems.find { it.line == 7 }.reason", containsString("not a populated place"))
                .body("problems.find { it.line == 8 }.reason", containsString("'ZZ'"));

        api().get("/v1/cities/{id}", milan).then().body("externalIds.geonames", equalTo("3173435"))
                .body("alternateNames.name", hasItem("Milano")).body("alternateNames.name", hasItem("Mailand"));
        api().get("/v1/cities/{id}", milanTennessee).then().body("externalIds.geonames", nullValue())
                .body("alternateNames.name", not(hasItem("Milano")));
        api().queryParam("q", "Milano").get("/v1/cities").then().body("items[0].id", equalTo(milan));
        api().queryParam("q", "Köln").get("/v1/cities").then().body("items[0].id", equalTo(cologne));
        api().queryParam("q", "Bombay").get("/v1/cities").then().body("items[0].name", equalTo("Mumbai"));
        api().queryParam("q", "Prishtina").get("/v1/cities").then().body("items[0].countryCode", equalTo("XK"));

        Response names = post(excerpt("alternate-names-excerpt.txt"));
        assertEquals(8, names.<Integer>path("lines"));
        assertEquals(1, names.<Integer>path("unmatched"));
        names.then().body("problems[0].line", equalTo(8)).body("problems[0].reason", containsString("424242424"));
        api().get("/v1/cities/{id}", milan).then()
                .body("alternateNames.find { it.name == 'Milano' }.language", equalTo("it"))
                .body("alternateNames.findAll { it.name == 'Milano' }.size()", equalTo(1))
                .body("alternateNames.name", not(hasItem("https://en.wikipedia.org/wiki/Milan")));
        api().queryParam("q", "Bombay").get("/v1/cities").then()
                .body("items[0].alternateNames.find { it.name == 'Bombay' }.language", equalTo("en"));

        Response again = post(excerpt("cities-excerpt.txt"));
        assertEquals(0, again.<Integer>path("created"));
        assertEquals(0, again.<Integer>path("updated"), "a second run changes nothing");
    }

    /**
     * The whole world data, then the GeoNames excerpt over it: Kosovo's 49 cities are kept, and the
     * names people write (Milano, Köln, Mailand, Bombay, Prishtina) find their cities first (runs
     * after the test above, on its database).
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void theWorldDataAndGeoNamesTogether() throws IOException {
        byte[] world;
        try (InputStream in = GeoNamesImportTest.class.getResourceAsStream("/data/world-cities.csv")) {
            world = in.readAllBytes();
        }
        Response imported = api(TestTokens.operator()).contentType("text/csv").body(world).post("/v1/cities/import")
                .then().statusCode(200).extract().response();
        imported.then().body("problems.reason", hasItem(containsString("'XW'")))
                .body("problems.reason", not(hasItem(containsString("'XK'"))));
        // 49 of the data's own, and the Pristina the first test created from GeoNames: the world
        // import matches on its own ids first (import GeoNames after it, as below, to merge them).
        api().queryParam("country", "XK").queryParam("limit", 100).get("/v1/cities").then()
                .body("items.size()", equalTo(50));
        post(excerpt("cities-excerpt.txt"));
        post(excerpt("alternate-names-excerpt.txt"));
        for (Map.Entry<String, String> spelling : Map.of("Milano", "Milan", "Köln", "Cologne", "Mailand", "Milan",
                "Bombay", "Mumbai", "Prishtina", "Pristina").entrySet()) {
            api().queryParam("q", spelling.getKey()).get("/v1/cities").then()
                    .body("items[0].name", equalTo(spelling.getValue()));
        }
        // A line whose bytes are not UTF-8 is reported by its number; the lines around it are read.
        byte[] bad = "786714\tPristina\t\u00ff\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Response unreadable = post(bad);
        unreadable.then().body("problems[0].line", equalTo(1)).body("problems[0].reason", containsString("UTF-8"));
    }

    /**
     * The news reports' spellings find their cities first, with the whole world data and the
     * GeoNames excerpts imported: Kanzawa (one letter short) and Jakrta (a typo), Icheon (a
     * romanisation the world data does not use), Milano and Köln (local names).
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void theNewsReportsSpellingsFindTheirCitiesFirst() throws IOException {
        post(excerpt("cities-spellings.txt")).then().body("problems", org.hamcrest.Matchers.empty());
        for (Map.Entry<String, String> spelling : Map.of("Kanzawa", "Kanazawa", "Jakrta", "Jakarta", "Icheon", "Ich’ŏn",
                "Milano", "Milan", "Köln", "Cologne", "kanzawa", "Kanazawa", "Pekalongn", "Pekalongan").entrySet()) {
            api().queryParam("q", spelling.getKey()).get("/v1/cities").then()
                    .body("items[0].name", equalTo(spelling.getValue()));
        }
        // the same matching behind the global search
        api().queryParam("q", "Kanzawa").get("/v1/search").then()
                .body("items[0].title", equalTo("Kanazawa")).body("items[0].type", equalTo("CITY"));
    }

    /**
     * The misspelling set (src/test/resources/search/spellings.tsv): real misspellings of city names
     * and the other names people write, each with the city it means. Prints the share found first
     * and in the first five, and fails if either drops below what was measured when it was written
     * (see the README's search section).
     */
    @Test
    @org.junit.jupiter.api.Order(4)
    void theMisspellingSetFindsItsCities() throws IOException {
        List<String[]> spellings = new java.util.ArrayList<>();
        try (InputStream in = GeoNamesImportTest.class.getResourceAsStream("/search/spellings.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    spellings.add(line.split("\t"));
                }
            }
        }
        int first = 0;
        int topFive = 0;
        List<String> missed = new java.util.ArrayList<>();
        for (String[] spelling : spellings) {
            List<String> found = api().queryParam("q", spelling[0]).queryParam("limit", 5).get("/v1/cities")
                    .then().statusCode(200).extract().path("items.collect { it.name + '|' + it.countryCode }");
            int rank = found.indexOf(spelling[1] + "|" + spelling[2]);
            first += rank == 0 ? 1 : 0;
            topFive += rank >= 0 ? 1 : 0;
            if (rank != 0) {
                missed.add(spelling[0] + " -> " + (found.isEmpty() ? "nothing" : found.get(0)) + " (rank " + rank + ")");
            }
        }
        double firstShare = 100.0 * first / spellings.size();
        double topFiveShare = 100.0 * topFive / spellings.size();
        System.out.printf("misspelling set: %d spellings, %.1f%% found first, %.1f%% in the first five; not first: %s%n",
                spellings.size(), firstShare, topFiveShare, missed);
        org.junit.jupiter.api.Assertions.assertTrue(spellings.size() >= 200, "at least 200 spellings");
        org.junit.jupiter.api.Assertions.assertTrue(firstShare >= FIRST_FLOOR, "found first: " + firstShare + "%");
        org.junit.jupiter.api.Assertions.assertTrue(topFiveShare >= TOP_FIVE_FLOOR, "in the first five: " + topFiveShare + "%");
    }

    /** Just under the shares measured when the set was written (the README gives them). */
    private static final double FIRST_FLOOR = 97.5;
    private static final double TOP_FIVE_FLOOR = 98.0;

    private static String city(String name, String country, double lat, double lon) {
        return api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "countryCode", country, "location", Map.of("lat", lat, "lon", lon)))
                .post("/v1/cities").then().statusCode(201).extract().path("id");
    }

    private static Response post(byte[] dump) {
        return api(TestTokens.operator()).contentType("text/tab-separated-values").body(dump).post("/v1/cities/import")
                .then().statusCode(200).extract().response();
    }

    private static byte[] excerpt(String name) throws IOException {
        try (InputStream in = GeoNamesImportTest.class.getResourceAsStream("/geonames/" + name)) {
            return in.readAllBytes();
        }
    }
}
