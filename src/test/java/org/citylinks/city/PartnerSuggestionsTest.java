package org.citylinks.city;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Whom to approach next: ranked by the documented points, with the reasons, never a partner already. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class PartnerSuggestionsTest {

    private static String city(String name, String country, double lat, double lon, long population) {
        return Cities.create(Map.of("name", name + " " + Cities.capitalized(Cities.tag()), "countryCode", country,
                "location", Map.of("lat", lat, "lon", lon), "population", population)).path("id");
    }

    private static void post(String path, Map<String, Object> body) {
        api(TestTokens.operator()).contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(201);
    }

    private static void tie(String a, String b) {
        post("/v1/partnerships", Map.of("cityIds", List.of(a, b), "relationshipType", "SISTER_CITY", "since", "2001"));
    }

    private static ValidatableResponse suggestions(String city, Map<String, Object> query) {
        return api().queryParams(query).when().get("/v1/cities/{id}/partner-suggestions", city).then().statusCode(200);
    }

    @Test
    void contactAndPartnersInCommonAreRankedByTheirPointsAndPartnersAreLeftOut() {
        String denpasar = city("Denpasar", "ID", -8.65, 115.2167, 725314);
        String surabaya = city("Surabaya", "ID", -7.2458, 112.7378, 2874314); // already a partner
        String kochi = city("Kochi", "JP", 33.5597, 133.5311, 326545);        // Surabaya's partner
        String darwin = city("Darwin", "AU", -12.4381, 130.8411, 139902);     // contact
        tie(denpasar, surabaya);
        tie(surabaya, kochi);
        for (String day : List.of("2020-11-20", "2022-05-02")) {
            post("/v1/visits", Map.of("title", "Sharing session", "fromCityId", denpasar, "toCityId", darwin,
                    "startDate", day, "mode", "VIRTUAL"));
        }
        post("/v1/conferences", Map.of("name", "Tourism forum", "hostCityId", darwin, "startDate", "2021-08-01",
                "mode", "VIRTUAL", "participants", List.of(Map.of("cityId", denpasar, "role", "SPEAKER"))));

        // Darwin: 2 visits (20) + 1 conference (5) + population; Kochi: 1 partner in common (8) + population.
        suggestions(denpasar, Map.of())
                .body("items.city.id", contains(darwin, kochi))
                .body("items[0].reasons.kind", contains("PAST_VISITS", "SHARED_CONFERENCES", "SIMILAR_POPULATION"))
                .body("items[0].reasons[0].points", equalTo(20.0f))
                .body("items[0].score", greaterThanOrEqualTo(25.0f))
                .body("items[1].reasons[0].kind", equalTo("PARTNERS_IN_COMMON"))
                .body("items[1].reasons[0].cities.id", contains(surabaya))
                .body("items.city.id", not(hasItem(surabaya)))
                .body("next", nullValue());

        // Each score is the sum of its reasons' points, as the answer shows them.
        List<Map<String, Object>> items = suggestions(denpasar, Map.of()).extract().path("items");
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> reasons = (List<Map<String, Object>>) item.get("reasons");
            java.math.BigDecimal sum = reasons.stream().map(r -> new java.math.BigDecimal(r.get("points").toString()))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            org.junit.jupiter.api.Assertions.assertEquals(0, sum.compareTo(new java.math.BigDecimal(item.get("score").toString())),
                    () -> "score " + item.get("score") + " is not the sum of " + reasons);
        }

        // One at a time, following next.
        String next = suggestions(denpasar, Map.of("limit", 1)).body("items.city.id", contains(darwin))
                .extract().path("next");
        suggestions(denpasar, Map.of("limit", 1, "cursor", next)).body("items.city.id", contains(kochi))
                .body("next", nullValue());

        // Narrowed by distance and country.
        suggestions(denpasar, Map.of("maxDistanceKm", 2000)).body("items.city.id", contains(darwin));
        suggestions(denpasar, Map.of("country", "jp")).body("items.city.id", contains(kochi));

        // Once partnered, Darwin is no longer a suggestion.
        tie(darwin, denpasar);
        suggestions(denpasar, Map.of()).body("items.city.id", contains(kochi));
    }

    @Test
    void aSharedCreativeFieldScoresAndFiltersAndBadInputIsAProblem() {
        String ambon = Cities.create(Map.of("name", "Ambon " + Cities.capitalized(Cities.tag()), "countryCode", "ID",
                "population", 347288, "memberships", List.of(Map.of("network", "UCCN", "field", "MUSIC", "since", 2019))))
                .path("id");
        String metz = Cities.create(Map.of("name", "Metz " + Cities.capitalized(Cities.tag()), "countryCode", "FR",
                "population", 116581, "memberships", List.of(Map.of("network", "UCCN", "field", "MUSIC", "since", 2019))))
                .path("id");
        suggestions(ambon, Map.of("country", "FR", "field", "MUSIC", "limit", 100))
                .body("items.find { it.city.id == '" + metz + "' }.reasons[0].kind", equalTo("SHARED_CREATIVE_FIELD"))
                .body("items.find { it.city.id == '" + metz + "' }.reasons[0].detail",
                        equalTo("Both are UNESCO Creative Cities of Music."));
        suggestions(ambon, Map.of("country", "FR", "field", "CRAFTS_AND_FOLK_ART", "limit", 100))
                .body("items.city.id", not(hasItem(metz)));

        invalidRequest().queryParam("maxDistanceKm", 100).when().get("/v1/cities/{id}/partner-suggestions", ambon)
                .then().statusCode(400).body("errors[0].parameter", equalTo("maxDistanceKm"));
        invalidRequest().queryParam("cursor", "bm9wZQ").when().get("/v1/cities/{id}/partner-suggestions", ambon)
                .then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        api().when().get("/v1/cities/{id}/partner-suggestions", java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
