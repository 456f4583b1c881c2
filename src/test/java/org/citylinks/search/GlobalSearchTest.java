package org.citylinks.search;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class GlobalSearchTest {

    private static String post(String path, Map<String, Object> body) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void findsEveryKindOfResourceAccentAndCaseInsensitive() {
        // A made-up word with an accent, used once in each kind of resource.
        String word = Cities.tag();
        String accented = word.substring(0, 2) + "é" + word.substring(3);
        String plain = word.substring(0, 2) + "e" + word.substring(3);
        String city = Cities.create(Cities.capitalized(accented), "ID").path("id");
        String other = Cities.newId("FR");
        String visit = post("/v1/visits", Map.of("title", "Kunjungan " + accented, "fromCityId", city,
                "toCityId", other, "startDate", "2020-11-20", "mode", "VIRTUAL"));
        String conference = post("/v1/conferences", Map.of("name", "Konferensi " + accented, "hostCityId", other,
                "startDate", "2023-04-14", "mode", "IN_PERSON"));
        String proposal = post("/v1/proposals", Map.of("title", "Usulan kota kembar", "proposerCityId", other,
                "partnerCityId", city, "relationshipType", "SISTER_CITY", "summary", "Pariwisata dan " + accented,
                "visibility", "PUBLIC"));
        String partnership = post("/v1/partnerships", Map.of("cityIds", List.of(city, other),
                "relationshipType", "FRIENDSHIP_CITY", "since", "2021"));

        api().queryParam("q", plain.toUpperCase()).when().get("/v1/search").then().statusCode(200)
                .body("items.id", containsInAnyOrder(city, visit, conference, proposal, partnership))
                .body("items.find { it.type == 'CITY' }.href", equalTo("/v1/cities/" + city));
        api().queryParam("q", plain).queryParam("type", "PROPOSAL").when().get("/v1/search").then()
                .body("items.id", contains(proposal))
                .body("items[0].snippet", equalTo("Pariwisata dan " + accented));
    }

    @Test
    void matchesPrefixesAndNearSpellingsBestFirst() {
        String word = Cities.tag();
        String exact = post("/v1/conferences", Map.of("name", word + " festival", "hostCityId", Cities.newId("FR"),
                "startDate", "2023-04-14", "mode", "IN_PERSON"));
        String weaker = post("/v1/conferences", Map.of("name", "Festival of music, dance, crafts and " + word,
                "hostCityId", Cities.newId("FR"), "startDate", "2023-04-15", "mode", "IN_PERSON"));
        // The name that is mostly the word comes before the one that mentions it among others.
        api().queryParam("q", word + " festival").queryParam("type", "CONFERENCE").when().get("/v1/search").then()
                .body("items.id", org.hamcrest.Matchers.contains(exact, weaker));
        // A prefix of the word finds it.
        api().queryParam("q", word.substring(0, word.length() - 2)).when().get("/v1/search").then()
                .body("items.id", hasItem(exact));
        // So does a typo in it (a letter left out).
        String typo = word.substring(0, 4) + word.substring(5);
        org.citylinks.common.Eventually.passes(() -> api().queryParam("q", typo).when().get("/v1/search").then()
                .body("items.id", hasItem(exact)));
    }

    @Test
    void aSearchNeedsWords() {
        invalidRequest().when().get("/v1/search").then().statusCode(400).body("errors[0].parameter", equalTo("q"));
        invalidRequest().queryParam("q", " ").when().get("/v1/search").then().statusCode(400);
    }
}
