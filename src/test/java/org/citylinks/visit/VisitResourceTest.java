package org.citylinks.visit;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
class VisitResourceTest {

    static Map<String, Object> visit(String from, String to, String startDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Study visit " + Cities.tag());
        body.put("fromCityId", from);
        body.put("toCityId", to);
        body.put("startDate", startDate);
        body.put("mode", "IN_PERSON");
        return body;
    }

    static Response create(Map<String, Object> body) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/visits").then().statusCode(201).extract().response();
    }

    @Test
    void createRecordsTheVisitWithBothCitiesEmbeddedAndEndDateDefaulted() {
        String chiangMai = Cities.create("Chiang Mai", "TH").path("id");
        String pekalongan = Cities.create("Pekalongan", "ID").path("id");
        Map<String, Object> body = visit(chiangMai, pekalongan, "2016-03-10");
        body.put("purpose", "Learn how Pekalongan applied to the UNESCO Creative Cities Network");
        body.put("delegation", List.of(Map.of("name", "Delegation lead", "organization", "Chiang Mai Municipality")));
        body.put("hosts", List.of(Map.of("name", "Host", "role", "Mayor")));
        body.put("topics", List.of("uccn", "crafts-and-folk-art"));
        body.put("outcomes", List.of("Application advice shared"));

        Response created = create(body);
        String id = created.path("id");
        api().when().get(created.header("Location")).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("fromCity.name", equalTo("Chiang Mai"))
                .body("toCity.countryCode", equalTo("ID"))
                .body("endDate", equalTo("2016-03-10"))
                .body("delegation[0].organization", equalTo("Chiang Mai Municipality"))
                .body("hosts[0].role", equalTo("Mayor"))
                .body("topics", contains("uccn", "crafts-and-folk-art"))
                .body("createdBy", equalTo("operator@citylinks.test"))
                .body("id", equalTo(id));
    }

    @Test
    void endDateBeforeStartSameCityOrUnknownCityAre422WithPointers() {
        String a = Cities.newId("ID");
        Map<String, Object> body = visit(a, a, "2020-11-20");
        body.put("endDate", "2020-11-19");
        api(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/visits").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/toCityId", "/endDate"));

        Map<String, Object> unknown = visit(a, "3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11", "2020-11-20");
        api(TestTokens.operator()).contentType(ContentType.JSON).body(unknown)
                .when().post("/v1/visits").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/toCityId"))
                .body("errors[0].message", equalTo("is not the id of a city"));

        api().queryParam("cityId", a).when().get("/v1/visits").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void searchFiltersByEitherSideDirectionDatesModeTopicAndText() {
        String denpasar = Cities.newId("ID");
        String darwin = Cities.newId("AU");
        String other = Cities.newId("FR");
        String tag = Cities.tag();
        Map<String, Object> session = visit(denpasar, darwin, "2020-11-20");
        session.put("mode", "VIRTUAL");
        session.put("topics", List.of("tourism", "creative-economy"));
        session.put("delegation", List.of(Map.of("name", "Ngurah " + tag)));
        String sessionId = create(session).path("id");
        String back = create(visit(darwin, denpasar, "2022-05-01")).path("id");
        create(visit(other, darwin, "2021-01-01"));

        api().queryParam("cityId", denpasar).when().get("/v1/visits").then().statusCode(200)
                .body("items.id", contains(back, sessionId)); // newest first
        api().queryParam("fromCityId", denpasar).when().get("/v1/visits").then().body("items.id", contains(sessionId));
        api().queryParam("toCityId", denpasar).when().get("/v1/visits").then().body("items.id", contains(back));
        api().queryParam("cityId", darwin).queryParam("from", "2020-12-01").queryParam("to", "2021-12-31")
                .when().get("/v1/visits").then().body("items", hasSize(1)).body("items[0].fromCityId", equalTo(other));
        api().queryParam("cityId", darwin).queryParam("mode", "VIRTUAL")
                .when().get("/v1/visits").then().body("items.id", contains(sessionId));
        api().queryParam("cityId", darwin).queryParam("topic", "creative-economy")
                .when().get("/v1/visits").then().body("items.id", contains(sessionId));
        // People are searched too, regardless of case and accents.
        api().queryParam("q", "NGÚRAH " + tag.toUpperCase()).when().get("/v1/visits").then()
                .body("items.id", contains(sessionId));
    }

    @Test
    void pagesThroughVisitsWithCursors() {
        String a = Cities.newId("ID");
        String b = Cities.newId("AU");
        for (int day = 1; day <= 5; day++) {
            create(visit(a, b, "2021-03-0" + day));
        }
        Response first = api().queryParam("cityId", a).queryParam("limit", 2).queryParam("sort", "startDate")
                .when().get("/v1/visits").then().statusCode(200).extract().response();
        List<String> seen = new java.util.ArrayList<>(first.path("items.startDate"));
        String next = first.path("next");
        while (next != null) {
            Response page = api().queryParam("cityId", a).queryParam("limit", 2).queryParam("sort", "startDate")
                    .queryParam("cursor", next).when().get("/v1/visits").then().statusCode(200).extract().response();
            seen.addAll(page.path("items.startDate"));
            next = page.path("next");
        }
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04", "2021-03-05"), seen);
    }

    @Test
    void patchAndPutNeedIfMatchAndDeleteNeedsAdmin() {
        String a = Cities.newId("ID");
        String b = Cities.newId("AU");
        Response created = create(visit(a, b, "2020-11-20"));
        String id = created.path("id");
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body(Map.of("summary", "Four fields explored", "outcomes", List.of("Explore a sister-city tie")))
                .when().patch("/v1/visits/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("summary", equalTo("Four fields explored"))
                .body("outcomes", hasItem("Explore a sister-city tie"));
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("startDate", "2020-11-19"))
                .when().patch("/v1/visits/{id}", id).then().statusCode(200)
                .body("startDate", equalTo("2020-11-19")).body("endDate", equalTo("2020-11-19"));
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body(Map.of("endDate", "2020-11-01"))
                .when().patch("/v1/visits/{id}", id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/endDate"));
        api(TestTokens.editor()).header("If-Match", "\"2\"").when().delete("/v1/visits/{id}", id)
                .then().statusCode(403);
        api(TestTokens.operator()).header("If-Match", "\"2\"").when().delete("/v1/visits/{id}", id)
                .then().statusCode(204);
        api().when().get("/v1/visits/{id}", id).then().statusCode(404).body("summary", nullValue());
    }
}
