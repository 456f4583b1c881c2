package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What a new client meets in its first hour, answered so that it knows what to do next. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class FirstHourClientTest {

    @Test
    void a405ListsTheMethodsThePathTakes() {
        invalidRequest(TestTokens.operator()).when().delete("/v1/cities").then().statusCode(405)
                .header("Allow", "GET, POST")
                .body("detail", containsString("GET, POST"));
        invalidRequest(TestTokens.operator()).when().put("/v1/cities").then().statusCode(405).header("Allow", "GET, POST");
        invalidRequest(TestTokens.operator()).contentType("application/merge-patch+json").body("{}")
                .when().patch("/v1/proposals").then().statusCode(405).header("Allow", "GET, POST");
        invalidRequest().when().delete("/v1/search").then().statusCode(405).header("Allow", "GET");
        invalidRequest().when().delete("/v1/changes").then().statusCode(405).header("Allow", "GET");
        invalidRequest(TestTokens.operator()).when().delete("/v1/cities/{id}/partners", Cities.newId("ID")).then()
                .statusCode(405).header("Allow", "GET");
        invalidRequest(TestTokens.operator()).when().post("/v1/cities/{id}", Cities.newId("ID")).then().statusCode(405)
                .header("Allow", "DELETE, GET, PATCH, PUT");
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body("{}").when().post("/v1/visits").then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/title", "/fromCityId", "/toCityId", "/startDate", "/mode"))
                .body("errors.message", not(hasItem("must not be null")))
                .body("detail", equalTo("5 fields are not valid."));
        // The schema's violations and the rules' in one answer: two fields missing, and the same city twice.
        String ambon = Cities.newId("ID");
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("title", "Virtual meeting", "fromCityId", ambon, "toCityId", ambon))
                .when().post("/v1/visits").then().statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/startDate", "/mode", "/toCityId"));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "countryCode", "XX", "memberships", List.of(Map.of("network", "WCCF",
                        "field", "MUSIC")), "population", -1))
                .when().post("/v1/cities").then().statusCode(422)
                .body("errors.pointer", hasItem("/population"))
                .body("errors.pointer", hasItem("/countryCode"))
                .body("errors.pointer", hasItem("/memberships/0/field"));
    }

    @Test
    void messagesGiveTheAllowedFormInWordsAndTheRightIndex() {
        // A bad enum value names the allowed values.
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("title", "Study visit",
                "fromCityId", Cities.newId("TH"), "toCityId", Cities.newId("ID"), "startDate", "2016-03-10",
                "mode", "TELEPATHY")).when().post("/v1/visits").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/mode"))
                .body("errors[0].message", equalTo("must be one of IN_PERSON, VIRTUAL, HYBRID"));
        // The bad item of a list is named by its index, and the form is told in words.
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("title", "Study visit",
                "fromCityId", Cities.newId("TH"), "toCityId", Cities.newId("ID"), "startDate", "2016-03-10",
                "mode", "IN_PERSON", "topics", List.of("crafts", "Batik Making"))).when().post("/v1/visits").then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/topics/1"))
                .body("errors[0].message", containsString("such as music-education"))
                .body("errors[0].message", not(containsString("^")));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Metz", "countryCode", "France")).when().post("/v1/cities").then().statusCode(422)
                .body("errors.pointer", hasItem("/countryCode"))
                .body("errors.message", hasItem("must be a two-letter ISO 3166-1 country code in capitals, such as FR"))
                .body("errors.message", not(hasItem(containsString("size must be"))));
        invalidRequest().queryParam("q", "").when().get("/v1/search").then().statusCode(400)
                .body("errors[0].parameter", equalTo("q"))
                .body("errors[0].message", not(equalTo("must not be null")));
    }

    @Test
    void aMalformedValidatorIsA400ThatShowsTheForm() {
        String id = Cities.newId("ID");
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "0")
                .body(Map.of("name", "Ambon", "countryCode", "ID")).when().put("/v1/cities/{id}", id).then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("If-Match"))
                .body("errors[0].message", containsString("\"0\""));
        api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Ambon", "countryCode", "ID")).when().put("/v1/cities/{id}", id).then()
                .statusCode(200);
    }

    @Test
    void a415NamesTheMediaTypeTheOperationTakes() {
        String id = Cities.newId("ID");
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Ambon\"}").when().patch("/v1/cities/{id}", id).then().statusCode(415)
                .body("detail", containsString("application/merge-patch+json"));
    }

    @Test
    void a403NamesTheRoleNeeded() {
        String id = Cities.newId("ID");
        api(TestTokens.editor()).header("If-Match", "\"0\"").when().delete("/v1/cities/{id}", id).then().statusCode(403)
                .body("detail", containsString("admin or operator role"));
        api(TestTokens.reader()).contentType(ContentType.JSON).body(Map.of("name", "Ambon", "countryCode", "ID"))
                .when().post("/v1/cities").then().statusCode(403)
                .body("detail", containsString("editor or admin or operator role"));
    }

    @Test
    void bothFieldVocabulariesAreListedApartInTheContract() throws Exception {
        String contract = java.nio.file.Files.readString(java.nio.file.Path.of("openapi", "citylinks.yaml"));
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (String text : List.of(contract, readme)) {
            org.hamcrest.MatcherAssert.assertThat(text, containsString("creative field"));
            org.hamcrest.MatcherAssert.assertThat(text, containsString("cooperation field"));
        }
        org.hamcrest.MatcherAssert.assertThat(readme, containsString("`music-education`"));
    }

    @Test
    void theDraftingDayComesFirstInEveryHistory() {
        String proposal = api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("title", "Cities of Music",
                "proposerCityId", Cities.newId("ID"), "partnerCityId", Cities.newId("FR"),
                "relationshipType", "THEMATIC_PARTNERSHIP", "draftedOn", "2022-11-15", "visibility", "PUBLIC"))
                .when().post("/v1/proposals").then().statusCode(201).extract().path("id");
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("to", "SUBMITTED", "date", "2022-11-20"))
                .when().post("/v1/proposals/{id}/transitions", proposal).then().statusCode(200)
                .body("history.date", contains("2022-11-15", "2022-11-20"));
    }

    /** Reads a resource and sends it back whole, as most clients are written, with {@code changes}. */
    private static io.restassured.response.ValidatableResponse putBack(String path, Map<String, Object> changes) {
        io.restassured.response.Response read = api().when().get(path).then().statusCode(200).extract().response();
        Map<String, Object> body = new java.util.HashMap<>(read.jsonPath().getMap(""));
        body.putAll(changes);
        return api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(body).when().put(path).then();
    }

    @Test
    void aRepresentationReadAndSentBackWholeIsAcceptedWhenItsReadOnlyMembersAreUnchanged() {
        String ambon = Cities.newId("ID");
        String metz = Cities.newId("FR");
        putBack("/v1/cities/" + ambon, Map.of("region", "Maluku")).statusCode(200).body("region", equalTo("Maluku"));
        putBack("/v1/cities/" + ambon, Map.of("id", metz)).statusCode(422)
                .body("errors[0].pointer", equalTo("/id"));
        putBack("/v1/cities/" + ambon, Map.of("createdBy", "somebody@else")).statusCode(422)
                .body("errors[0].pointer", equalTo("/createdBy"));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ambon", "countryCode", "ID", "nickname", "Ambon Manise"))
                .when().post("/v1/cities").then().statusCode(400).body("errors[0].pointer", equalTo("/nickname"));
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "Ambon", "countryCode", "ID", "id", ambon))
                .when().post("/v1/cities").then().statusCode(422).body("errors[0].pointer", equalTo("/id"))
                .body("errors[0].message", containsString("set by the service"));

        String visit = api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("title", "Virtual meeting",
                "fromCityId", ambon, "toCityId", metz, "startDate", "2022-11-24", "mode", "VIRTUAL"))
                .when().post("/v1/visits").then().statusCode(201).extract().path("id");
        putBack("/v1/visits/" + visit, Map.of("summary", "Programmes 1, 2 and 4 are feasible.")).statusCode(200)
                .body("summary", equalTo("Programmes 1, 2 and 4 are feasible."));

        String conference = api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of(
                "name", "Youth and Artistic Conference", "hostCityId", metz, "startDate", "2023-04-14",
                "mode", "IN_PERSON", "participants", List.of(Map.of("cityId", ambon, "role", "SPEAKER"))))
                .when().post("/v1/conferences").then().statusCode(201).extract().path("id");
        putBack("/v1/conferences/" + conference, Map.of("description", "Ambon speaks.")).statusCode(200)
                .body("participants[0].city.id", equalTo(ambon));
        putBack("/v1/conferences/" + conference, Map.of("participants", List.of(Map.of("cityId", ambon, "role", "SPEAKER",
                "city", Map.of("id", metz, "name", "Metz", "countryCode", "FR"))))).statusCode(422)
                .body("errors[0].pointer", equalTo("/participants/0/city"));

        String proposal = api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("title", "Cities of Music",
                "proposerCityId", ambon, "partnerCityId", metz, "relationshipType", "THEMATIC_PARTNERSHIP",
                "visibility", "PUBLIC", "programmes", List.of(Map.of("number", 1, "title", "Music education exchange"))))
                .when().post("/v1/proposals").then().statusCode(201).extract().path("id");
        putBack("/v1/proposals/" + proposal, Map.of("summary", "Four music programmes.")).statusCode(200)
                .body("summary", equalTo("Four music programmes."));
        putBack("/v1/proposals/" + proposal, Map.of("status", "SIGNED")).statusCode(422)
                .body("errors[0].pointer", equalTo("/status"));

        String partnership = api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of(
                "cityIds", List.of(ambon, metz), "relationshipType", "FRIENDSHIP_CITY", "since", "2022"))
                .when().post("/v1/partnerships").then().statusCode(201).extract().path("id");
        putBack("/v1/partnerships/" + partnership, Map.of("description", "Cities of Music")).statusCode(200);

        // A merge patch may carry them too, unchanged.
        io.restassured.response.Response city = api().when().get("/v1/cities/{id}", ambon).then().extract().response();
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", city.header("ETag"))
                .body(Map.of("id", ambon, "population", 372249)).when().patch("/v1/cities/{id}", ambon).then()
                .statusCode(200).body("population", equalTo(372249));
    }
}
