package org.citylinks.city;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citylinks.common.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class CitySearchTest {

    @Test
    void searchIgnoresCaseAndAccents() {
        String tag = Cities.tag();
        Cities.create("São " + Cities.capitalized(tag), "BR");
        api().queryParam("q", "SAO " + tag)
                .when().get("/v1/cities")
                .then().statusCode(200)
                .body("items[0].name", equalTo("São " + Cities.capitalized(tag)));
        api().queryParam("q", "são " + tag.toUpperCase())
                .when().get("/v1/cities")
                .then().body("items[0].name", equalTo("São " + Cities.capitalized(tag)));
    }

    /**
     * The names people write: the Italian name of Milan before the cities whose names start with
     * it, Köln for Cologne, UNESCO's Icheon for the data's Ich’ŏn (a tag keeps other tests' cities
     * out of the way).
     */
    @Test
    void aCityIsFoundFirstByAnyOfItsNames() {
        String tag = Cities.capitalized(Cities.tag());
        String milan = Cities.create(Map.of("name", "Milan" + tag, "countryCode", "IT", "population", 1_371_498,
                "alternateNames", List.of(Map.of("name", "Milano" + tag, "language", "it"),
                        Map.of("name", "Mailand" + tag, "language", "de")))).then().statusCode(201)
                .body("alternateNames.name", contains("Milano" + tag, "Mailand" + tag)).extract().path("id");
        Cities.create(Map.of("name", "Milano" + tag + "wek", "countryCode", "PL", "population", 18_000_000));
        String cologne = Cities.create(Map.of("name", "Cologne" + tag, "countryCode", "DE",
                "alternateNames", List.of(Map.of("name", "Köln" + tag, "language", "de")))).path("id");
        String icheon = Cities.create(Map.of("name", "Ich\u2019\u014Fn" + tag, "asciiName", "Ich'on" + tag,
                "countryCode", "KR", "alternateNames", List.of(Map.of("name", "Icheon" + tag),
                        Map.of("name", "\uC774\uCC9C" + tag, "language", "ko")))).path("id");
        api().queryParam("q", "Milano" + tag).get("/v1/cities").then().statusCode(200)
                .body("items[0].id", equalTo(milan)).body("items", hasSize(2));
        api().queryParam("q", "milano" + tag.toLowerCase()).get("/v1/search").then().statusCode(200)
                .body("items[0].id", equalTo(milan));
        api().queryParam("q", "Köln" + tag).get("/v1/cities").then().body("items[0].id", equalTo(cologne));
        api().queryParam("q", "Koln" + tag).get("/v1/cities").then().body("items[0].id", equalTo(cologne));
        api().queryParam("q", "Icheon" + tag).get("/v1/cities").then().body("items[0].id", equalTo(icheon))
                .body("items[0].alternateNames[0].language", nullValue());
    }

    @Test
    void alternateNamesAreEditedLikeTheRest() {
        String tag = Cities.capitalized(Cities.tag());
        String id = Cities.create(Map.of("name", "Yogyakarta" + tag, "countryCode", "ID")).path("id");
        String etag = api().get("/v1/cities/{id}", id).then().body("alternateNames", empty()).extract().header("ETag");
        String changed = api(org.citylinks.common.TestTokens.operator()).contentType("application/merge-patch+json")
                .header("If-Match", etag).body(Map.of("alternateNames", List.of(Map.of("name", "Jogja" + tag, "language", "id"))))
                .patch("/v1/cities/{id}", id).then().statusCode(200)
                .body("alternateNames[0].name", equalTo("Jogja" + tag)).extract().header("ETag");
        api().queryParam("q", "Jogja" + tag).get("/v1/cities").then().body("items[0].id", equalTo(id));
        invalidRequest(org.citylinks.common.TestTokens.operator()).contentType("application/merge-patch+json")
                .header("If-Match", changed).body(Map.of("alternateNames", List.of(Map.of("name", "Jogja", "language", "id"),
                        Map.of("name", "Jogja", "language", "id"))))
                .patch("/v1/cities/{id}", id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/alternateNames/1"));
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("alternateNames", null);
        api(org.citylinks.common.TestTokens.operator()).contentType("application/merge-patch+json")
                .header("If-Match", changed).body(clear).patch("/v1/cities/{id}", id).then().statusCode(200)
                .body("alternateNames", empty());
    }

    @Test
    void searchForgivesATypoAndPutsTheBestMatchFirst() {
        String tag = Cities.tag();
        String name = Cities.capitalized(tag) + "ongan";
        Cities.create(name, "ID");
        Cities.create(name + " Baru Selatan", "ID");
        String typo = tag + "ongn"; // one letter left out
        // the new word is forgiven its typos once the vocabulary has heard of it, milliseconds on
        org.citylinks.common.Eventually.passes(() -> api().queryParam("q", typo)
                .when().get("/v1/cities")
                .then().statusCode(200)
                .body("items[0].name", equalTo(name))
                .body("items[1].name", equalTo(name + " Baru Selatan")));
    }

    @Test
    void wordsTypedFindTheExactNameFirstThenNamesStartingWithThemThenTheLargest() {
        String tag = Cities.tag();
        String name = Cities.capitalized(tag);
        Cities.create(Map.of("name", "Kota " + name, "countryCode", "ID", "population", 900_000));
        Cities.create(Map.of("name", name + " Baru", "countryCode", "ID", "population", 5_000));
        Cities.create(Map.of("name", name, "countryCode", "ID", "population", 1_000));
        Cities.create(Map.of("name", "Kampung " + name, "countryCode", "ID", "population", 2_000_000));
        api().queryParam("q", tag)
                .when().get("/v1/cities")
                .then().statusCode(200)
                .body("items.name", contains(name, name + " Baru", "Kampung " + name, "Kota " + name));
        // The start of a word matches too.
        api().queryParam("q", tag.substring(0, tag.length() - 1)).when().get("/v1/cities")
                .then().body("items.name", hasItem("Kota " + name));
    }

    @Test
    void aNameInAnotherScriptIsFoundByItsLatinSpelling() {
        String tag = Cities.tag();
        Cities.create(Map.of("name", "杭州" + tag.substring(0, 2), "asciiName", "Hang " + tag, "countryCode", "CN"));
        api().queryParam("q", "hang " + tag).when().get("/v1/cities")
                .then().body("items[0].asciiName", equalTo("Hang " + tag));
    }

    @Test
    void countryNetworkAndFieldFilter() {
        String tag = Cities.tag();
        Cities.create(Map.of("name", "Santa Fe " + tag, "countryCode", "US",
                "memberships", List.of(Map.of("network", "UCCN", "field", "CRAFTS_AND_FOLK_ART", "since", 2005))));
        Cities.create(Map.of("name", "Santa Fe " + tag, "countryCode", "AR"));
        Cities.create(Map.of("name", "Santa Fe " + tag, "countryCode", "ES",
                "memberships", List.of(Map.of("network", "WCCF"))));

        api().queryParam("q", "santa fe " + tag).queryParam("country", "us").when().get("/v1/cities")
                .then().body("items.countryCode", contains("US"));
        api().queryParam("q", "santa fe " + tag).queryParam("field", "CRAFTS_AND_FOLK_ART").when().get("/v1/cities")
                .then().body("items.countryCode", contains("US"));
        api().queryParam("q", "santa fe " + tag).queryParam("network", "WCCF").when().get("/v1/cities")
                .then().body("items.countryCode", contains("ES"));
        api().queryParam("q", "santa fe " + tag).queryParam("field", "MUSIC").when().get("/v1/cities")
                .then().statusCode(200).body("items", empty()).body("next", nullValue());
    }

    @Test
    void nearOrdersByDistanceWithinTheRadius() {
        // A point in the South Pacific that no other test's city is near.
        double lat = -48.5 + org.citylinks.common.TestRandom.nextDouble(), lon = -123.0 + org.citylinks.common.TestRandom.nextDouble();
        String tag = Cities.tag();
        Cities.createAt("Far " + tag, "NZ", lat + 1.0, lon);       // about 111 km
        Cities.createAt("Near " + tag, "NZ", lat + 0.01, lon);     // about 1.1 km
        Cities.createAt("Middle " + tag, "NZ", lat, lon + 0.5);    // about 37 km
        Cities.createAt("Outside " + tag, "NZ", lat + 3.0, lon);   // about 333 km

        Response page = api().queryParam("near", String.format("%.4f,%.4f", lat, lon)).queryParam("radiusKm", 200)
                .when().get("/v1/cities")
                .then().statusCode(200)
                .body("items.name", contains("Near " + tag, "Middle " + tag, "Far " + tag))
                .extract().response();
        double nearKm = page.jsonPath().getDouble("items[0].distanceKm");
        double farKm = page.jsonPath().getDouble("items[2].distanceKm");
        assertTrue(nearKm > 1.0 && nearKm < 1.3, "near: " + nearKm);
        assertTrue(farKm > 105 && farKm < 115, "far: " + farKm);
    }

    @Test
    void sortByPopulationDescending() {
        String tag = Cities.tag();
        Cities.create(Map.of("name", "Small " + tag, "countryCode", "FR", "population", 10));
        Cities.create(Map.of("name", "Large " + tag, "countryCode", "FR", "population", 1000));
        Cities.create(Map.of("name", "Medium " + tag, "countryCode", "FR", "population", 100));
        api().queryParam("q", tag).queryParam("sort", "-population").when().get("/v1/cities")
                .then().body("items.name", contains("Large " + tag, "Medium " + tag, "Small " + tag));
    }

    @Test
    void pagingWhileRowsAreInsertedNeitherSkipsNorRepeats() {
        String tag = Cities.tag();
        Set<String> expected = new HashSet<>();
        for (int i = 10; i < 25; i++) {
            String name = Cities.capitalized(tag) + " " + i;
            Cities.create(name, "IT");
            expected.add(name);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = api().queryParam("q", tag).queryParam("sort", "name").queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/v1/cities").then().statusCode(200).extract().response();
            List<String> names = page.path("items.name");
            seen.addAll(names);
            cursor = page.path("next");
            if (cursor != null) {
                assertTrue(page.header("Link").contains("cursor=" + cursor), page.header("Link"));
                assertTrue(page.header("Link").endsWith("; rel=\"next\""));
            }
            // Rows that sort before and after the cursor arrive between pages.
            Cities.create(Cities.capitalized(tag) + " 0" + pages, "IT");
            Cities.create(Cities.capitalized(tag) + " 9" + pages, "IT");
            pages++;
        } while (cursor != null && pages < 50);

        List<String> original = seen.stream().filter(expected::contains).toList();
        assertEquals(expected.size(), original.size(), "every original city once: " + seen);
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no city twice: " + seen);
        assertEquals(original.stream().sorted().toList(), original, "in name order");
    }

    @Test
    void theLastPageHasNoNextAndNoLink() {
        String tag = Cities.tag();
        Cities.create("Only " + tag, "PT");
        Response page = api().queryParam("q", tag).when().get("/v1/cities").then().statusCode(200)
                .body("items", hasSize(1)).body("next", nullValue()).extract().response();
        assertEquals(null, page.header("Link"));
    }

    @Test
    void aCursorOfAnotherQueryIsRejected() {
        String tag = Cities.tag();
        Cities.create("A " + tag, "PT");
        Cities.create("B " + tag, "PT");
        String next = api().queryParam("q", tag).queryParam("limit", 1).when().get("/v1/cities")
                .then().extract().path("next");
        assertNotNull(next);
        api().queryParam("q", tag).queryParam("sort", "-name").queryParam("limit", 1).queryParam("cursor", next)
                .when().get("/v1/cities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        api().queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/v1/cities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void badQueryParametersAre400NamingTheParameter() {
        invalidRequest().queryParam("limit", 500).when().get("/v1/cities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("limit"));
        invalidRequest().queryParam("near", "north").when().get("/v1/cities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("near"));
        invalidRequest().queryParam("sort", "secret").when().get("/v1/cities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("sort"));
        invalidRequest().queryParam("network", "NATO").when().get("/v1/cities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("network"));
        invalidRequest().queryParam("limit", "many").when().get("/v1/cities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("limit"));
        api().queryParam("radiusKm", 10).when().get("/v1/cities")
                .then().statusCode(400).body("errors[0].parameter", equalTo("radiusKm"))
                .body("detail", containsString("near"));
    }
}
