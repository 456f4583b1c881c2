package org.citylinks.conference;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ConferenceResourceTest {

    static Map<String, Object> conference(String host, String startDate, List<Map<String, Object>> participants) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Conference " + Cities.tag());
        body.put("hostCityId", host);
        body.put("startDate", startDate);
        body.put("mode", "IN_PERSON");
        body.put("participants", participants);
        return body;
    }

    static Response create(Map<String, Object> body) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/conferences").then().statusCode(201).extract().response();
    }

    @Test
    void createRecordsParticipantsGroupedByTrackWithTheirCities() {
        String host = Cities.newId("GB");
        String jakarta = Cities.create("Jakarta", "ID").path("id");
        String milan = Cities.create("Milan", "IT").path("id");
        String observerName = Cities.capitalized(Cities.tag());
        String observer = Cities.create(observerName, "FR").path("id");
        Map<String, Object> body = conference(host, "2019-06-01", List.of(
                Map.of("cityId", observer, "role", "OBSERVER"),
                Map.of("cityId", milan, "role", "DELEGATE", "status", "CONFIRMED", "track", "Co-created public art"),
                Map.of("cityId", jakarta, "role", "DELEGATE", "status", "CONFIRMED", "track", "Co-created public art")));
        body.put("network", "WCCF");
        body.put("organizer", "World Cities Culture Forum");

        Response created = create(body);
        api().when().get(created.header("Location")).then().statusCode(200)
                .body("network", equalTo("WCCF"))
                .body("endDate", equalTo("2019-06-01"))
                .body("participants.city.name", contains("Jakarta", "Milan", observerName))
                .body("participants[0].track", equalTo("Co-created public art"))
                .body("participants[2].status", equalTo("INVITED"))
                .body("participants[2].track", nullValue());
        // The tracks are searchable.
        api().queryParam("q", "co-created public art").queryParam("participantCityId", milan)
                .when().get("/v1/conferences").then().body("items.id", contains((String) created.path("id")));
    }

    @Test
    void aCityListedTwiceIsAConflict() {
        String host = Cities.newId("FR");
        String ambon = Cities.newId("ID");
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(conference(host, "2023-04-14", List.of(Map.of("cityId", ambon, "role", "SPEAKER"),
                        Map.of("cityId", ambon, "role", "DELEGATE"))))
                .when().post("/v1/conferences").then().statusCode(409)
                .body("errors[0].pointer", equalTo("/participants/1/cityId"));
        api().queryParam("hostCityId", host).when().get("/v1/conferences").then().body("items", hasSize(0));
    }

    @Test
    void participantsAreAddedChangedAndRemovedOneByOne() {
        String metz = Cities.newId("FR");
        String ambon = Cities.newId("ID");
        Response created = create(conference(metz, "2023-04-14", List.of()));
        String id = created.path("id");

        Response added = api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("cityId", ambon, "role", "SPEAKER"))
                .when().post("/v1/conferences/{id}/participants", id)
                .then().statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("INVITED")).body("city.id", equalTo(ambon))
                .extract().response();
        api().when().get(added.header("Location")).then().statusCode(200).body("role", equalTo("SPEAKER"));

        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("cityId", ambon, "role", "DELEGATE"))
                .when().post("/v1/conferences/{id}/participants", id)
                .then().statusCode(409).body("errors[0].pointer", equalTo("/cityId"));

        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED"))
                .when().put("/v1/conferences/{id}/participants/{city}/status", id, ambon)
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("CONFIRMED"));
        // A stale ETag, when one is sent, is refused.
        api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("status", "DECLINED"))
                .when().put("/v1/conferences/{id}/participants/{city}/status", id, ambon)
                .then().statusCode(412);
        api().queryParam("participantCityId", ambon).when().get("/v1/conferences")
                .then().body("items[0].participants[0].status", equalTo("CONFIRMED"));

        api(TestTokens.operator()).when().delete("/v1/conferences/{id}/participants/{city}", id, ambon)
                .then().statusCode(204).header("ETag", "\"3\"");
        api().when().get("/v1/conferences/{id}/participants/{city}", id, ambon).then().statusCode(404);
        api().when().get("/v1/conferences/{id}", id).then().body("participants", hasSize(0));
    }

    @Test
    void aParticipantIsChangedByMergePatch() {
        String london = Cities.newId("GB");
        String jakarta = Cities.newId("ID");
        String id = create(conference(london, "2019-10-01",
                List.of(Map.of("cityId", jakarta, "role", "DELEGATE", "track", "Culture and climate")))).path("id");

        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("role", "SPEAKER", "status", "CONFIRMED", "track", "Co-created public art"))
                .when().patch("/v1/conferences/{id}/participants/{city}", id, jakarta)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("role", equalTo("SPEAKER")).body("status", equalTo("CONFIRMED"))
                .body("track", equalTo("Co-created public art")).body("city.id", equalTo(jakarta));
        Map<String, Object> clearTrack = new HashMap<>();
        clearTrack.put("track", null);
        api(TestTokens.operator()).contentType("application/merge-patch+json").body(clearTrack)
                .when().patch("/v1/conferences/{id}/participants/{city}", id, jakarta)
                .then().statusCode(200).body("track", nullValue()).body("role", equalTo("SPEAKER"));

        // The city is the participant: it cannot be patched into another one. Nothing changes.
        invalidRequest(TestTokens.operator()).contentType("application/merge-patch+json")
                .body(Map.of("status", "DECLINED", "cityId", london))
                .when().patch("/v1/conferences/{id}/participants/{city}", id, jakarta)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/cityId"));
        invalidRequest(TestTokens.operator()).contentType("application/merge-patch+json").body(Map.of("track", ""))
                .when().patch("/v1/conferences/{id}/participants/{city}", id, jakarta)
                .then().statusCode(422).body("errors[0].pointer", equalTo("/track"));
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("status", "DECLINED"))
                .when().patch("/v1/conferences/{id}/participants/{city}", id, jakarta)
                .then().statusCode(412);
        api().when().get("/v1/conferences/{id}/participants/{city}", id, jakarta)
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("CONFIRMED"));
    }

    @Test
    void theDeprecatedStatusOperationSendsDeprecationAndSunset() {
        String metz = Cities.newId("FR");
        String ambon = Cities.newId("ID");
        String id = create(conference(metz, "2023-04-14", List.of(Map.of("cityId", ambon, "role", "SPEAKER"))))
                .path("id");
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED"))
                .when().put("/v1/conferences/{id}/participants/{city}/status", id, ambon)
                .then().statusCode(200)
                .header("Deprecation", "@1795392000") // 2026-11-23T00:00:00Z
                .header("Sunset", "Wed, 30 Jun 2027 23:59:59 GMT");
        // On an error too, and never on the operation that replaces it.
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED"))
                .when().put("/v1/conferences/{id}/participants/{city}/status", id, metz)
                .then().statusCode(404).header("Sunset", "Wed, 30 Jun 2027 23:59:59 GMT");
        api(TestTokens.operator()).contentType("application/merge-patch+json").body(Map.of("status", "DECLINED"))
                .when().patch("/v1/conferences/{id}/participants/{city}", id, ambon)
                .then().statusCode(200).header("Deprecation", nullValue()).header("Sunset", nullValue());
    }

    @Test
    void searchFiltersByHostDatesTopicAndNetwork() {
        String host = Cities.newId("FR");
        Map<String, Object> music = conference(host, "2023-04-14", List.of());
        music.put("topics", List.of("music", "youth"));
        music.put("network", "UCCN");
        String musicId = create(music).path("id");
        String later = create(conference(host, "2024-09-01", List.of())).path("id");

        api().queryParam("hostCityId", host).when().get("/v1/conferences").then()
                .body("items.id", contains(later, musicId));
        api().queryParam("hostCityId", host).queryParam("to", "2023-12-31").when().get("/v1/conferences").then()
                .body("items.id", contains(musicId));
        api().queryParam("hostCityId", host).queryParam("topic", "youth").when().get("/v1/conferences").then()
                .body("items.id", contains(musicId));
        api().queryParam("hostCityId", host).queryParam("network", "UCCN").when().get("/v1/conferences").then()
                .body("items.id", contains(musicId));
    }
}
