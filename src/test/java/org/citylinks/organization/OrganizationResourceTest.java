package org.citylinks.organization;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Organisations: operators add them, their admins keep their profile, and anyone may read them. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class OrganizationResourceTest {

    @Test
    void anOperatorAddsACityGovernmentThatAnyoneCanRead() {
        String metz = Cities.newId("FR");
        Response created = api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Metz, international relations", "kind", "CITY_GOVERNMENT", "cityId", metz,
                        "website", "https://www.metz.fr"))
                .when().post("/v1/organizations").then().statusCode(201)
                .header("Location", containsString("/v1/organizations/"))
                .body("city.id", equalTo(metz)).body("kind", equalTo("CITY_GOVERNMENT"))
                .extract().response();
        api().when().get("/v1/organizations/{id}", created.path("id").toString()).then().statusCode(200)
                .body("name", equalTo("Metz, international relations")).body("website", equalTo("https://www.metz.fr"));
        api().queryParam("cityId", metz).when().get("/v1/organizations").then().statusCode(200)
                .body("items.id", hasItem(created.path("id").toString()));
        api().queryParam("q", "METZ, INTERNATIONAL").queryParam("kind", "CITY_GOVERNMENT").when()
                .get("/v1/organizations").then().statusCode(200).body("items.id", hasItem(created.path("id").toString()));
    }

    @Test
    void onlyOperatorsAddOrganisations() {
        UUID office = Organizations.create("Office " + Cities.tag(), "OTHER", null);
        api(Organizations.adminOf(office)).contentType(ContentType.JSON).body(Map.of("name", "Mine", "kind", "OTHER"))
                .when().post("/v1/organizations").then().statusCode(403);
        api(TestTokens.editor()).contentType(ContentType.JSON).body(Map.of("name", "Mine", "kind", "OTHER"))
                .when().post("/v1/organizations").then().statusCode(403);
    }

    @Test
    void aCityGovernmentNamesItsCityAndNoOtherKindDoes() {
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "No city", "kind", "CITY_GOVERNMENT"))
                .when().post("/v1/organizations").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/cityId"));
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "WCCF", "kind", "NETWORK", "cityId", Cities.newId("GB")))
                .when().post("/v1/organizations").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/cityId"));
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Nowhere", "kind", "CITY_GOVERNMENT", "cityId", UUID.randomUUID().toString()))
                .when().post("/v1/organizations").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/cityId"));
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad site", "kind", "OTHER", "website", "javascript:alert(1)"))
                .when().post("/v1/organizations").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/website"));
    }

    @Test
    void itsAdminEditsTheProfileButNotWhatItIs() {
        UUID embassy = Organizations.create("Embassy " + Cities.tag(), "GOVERNMENT_AGENCY", null);
        String tag = api().when().get("/v1/organizations/{id}", embassy).then().extract().header("ETag");
        api(Organizations.editorOf(embassy)).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("website", "https://kbri-paris.example")).when().patch("/v1/organizations/{id}", embassy)
                .then().statusCode(403);
        api(Organizations.adminOf(embassy)).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("kind", "NETWORK")).when().patch("/v1/organizations/{id}", embassy)
                .then().statusCode(403).body("detail", containsString("operator"));
        UUID other = Organizations.create("Other " + Cities.tag(), "OTHER", null);
        api(Organizations.adminOf(other)).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("website", "https://kbri-paris.example")).when().patch("/v1/organizations/{id}", embassy)
                .then().statusCode(403);
        api().when().get("/v1/organizations/{id}", embassy).then().header("ETag", tag).body("website", nullValue());
        api(Organizations.adminOf(embassy)).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("website", "https://kbri-paris.example")).when().patch("/v1/organizations/{id}", embassy)
                .then().statusCode(200).body("website", equalTo("https://kbri-paris.example"))
                .header("ETag", not(equalTo(tag)));
    }

    @Test
    void anOrganisationThatOwnsRecordsCannotBeDeleted() {
        String ambon = Cities.newId("ID");
        UUID office = Organizations.governmentOf(ambon);
        api(Organizations.editorOf(office)).contentType(ContentType.JSON)
                .body(Map.of("title", "Music", "proposerCityId", ambon, "partnerCityId", Cities.newId("FR"),
                        "relationshipType", "THEMATIC_PARTNERSHIP"))
                .when().post("/v1/proposals").then().statusCode(201)
                .body("ownerOrganizationId", equalTo(office.toString()));
        String tag = api().when().get("/v1/organizations/{id}", office).then().extract().header("ETag");
        api(TestTokens.operator()).header("If-Match", tag).when().delete("/v1/organizations/{id}", office)
                .then().statusCode(409).body("referencedBy.proposals", equalTo(1));
        UUID unused = Organizations.create("Unused " + Cities.tag(), "OTHER", null);
        api(Organizations.adminOf(unused)).header("If-Match", "\"0\"").when().delete("/v1/organizations/{id}", unused)
                .then().statusCode(403);
        api(TestTokens.operator()).header("If-Match", "\"0\"").when().delete("/v1/organizations/{id}", unused)
                .then().statusCode(204);
        api().when().get("/v1/organizations/{id}", unused).then().statusCode(404);
    }

    @Test
    void aTokenNamingSeveralOrganisationsSaysWhichOneOwnsWhatItCreates() {
        UUID first = Organizations.create("First " + Cities.tag(), "OTHER", null);
        UUID second = Organizations.create("Second " + Cities.tag(), "OTHER", null);
        String both = TestTokens.member("both@citylinks.test", java.util.List.of(first, second), "editor");
        Map<String, Object> visit = new java.util.HashMap<>(Map.of("title", "Exchange", "fromCityId", Cities.newId("TH"),
                "toCityId", Cities.newId("ID"), "startDate", "2016-03-10", "mode", "IN_PERSON"));
        api(both).contentType(ContentType.JSON).body(visit).when().post("/v1/visits").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/ownerOrganizationId"));
        visit.put("ownerOrganizationId", UUID.randomUUID().toString());
        api(both).contentType(ContentType.JSON).body(visit).when().post("/v1/visits").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/ownerOrganizationId"));
        visit.put("ownerOrganizationId", second.toString());
        api(both).contentType(ContentType.JSON).body(visit).when().post("/v1/visits").then().statusCode(201)
                .body("ownerOrganizationId", equalTo(second.toString()));
        visit.remove("ownerOrganizationId");
        api(TestTokens.editor()).contentType(ContentType.JSON).body(visit).when().post("/v1/visits").then()
                .statusCode(403).body("detail", containsString("organisation"));
    }

    /** A city's entry is kept by whoever added it until the city has a government; then by that government. */
    @Test
    void aCityIsKeptByWhoAddedItUntilItHasAGovernment() {
        UUID adder = Organizations.create("Adder " + Cities.tag(), "OTHER", null);
        UUID other = Organizations.create("Other " + Cities.tag(), "OTHER", null);
        String city = api(Organizations.editorOf(adder)).contentType(ContentType.JSON)
                .body(Map.of("name", Cities.capitalized(Cities.tag()), "countryCode", "ID"))
                .post("/v1/cities").then().statusCode(201).extract().path("id");
        patchCity(Organizations.editorOf(other), city, 403);
        patchCity(Organizations.editorOf(adder), city, 200);
        UUID government = Organizations.governmentOf(city);
        patchCity(Organizations.editorOf(adder), city, 403);
        patchCity(Organizations.editorOf(government), city, 200);
        patchCity(TestTokens.operator(), city, 200);
    }

    /** A partnership is recorded and changed by the governments of its two cities, no one else. */
    @Test
    void aPartnershipIsKeptByItsCitiesGovernments() {
        String darwin = Cities.newId("AU");
        String denpasar = Cities.newId("ID");
        UUID darwinOffice = Organizations.governmentOf(darwin);
        Map<String, Object> tie = Map.of("cityIds", java.util.List.of(darwin, denpasar), "relationshipType", "SISTER_CITY",
                "since", "2021");
        api(Organizations.editorOf(Organizations.create("Outsider " + Cities.tag(), "OTHER", null)))
                .contentType(ContentType.JSON).body(tie).post("/v1/partnerships").then().statusCode(403)
                .body("detail", containsString("government of one of the partnership's two cities"));
        String id = api(Organizations.editorOf(darwinOffice)).contentType(ContentType.JSON).body(tie)
                .post("/v1/partnerships").then().statusCode(201).extract().path("id");
        UUID denpasarOffice = Organizations.governmentOf(denpasar);
        String tag = api(Organizations.editorOf(denpasarOffice)).contentType("application/merge-patch+json")
                .header("If-Match", api().get("/v1/partnerships/{id}", id).header("ETag"))
                .body(Map.of("description", "Tourism and the creative economy")).patch("/v1/partnerships/{id}", id)
                .then().statusCode(200).extract().header("ETag");
        api(Organizations.editorOf(denpasarOffice)).header("If-Match", tag).delete("/v1/partnerships/{id}", id)
                .then().statusCode(403);
        api(Organizations.adminOf(denpasarOffice)).header("If-Match", tag).delete("/v1/partnerships/{id}", id)
                .then().statusCode(204);
    }

    private static void patchCity(String token, String city, int status) {
        String tag = api().get("/v1/cities/{id}", city).header("ETag");
        api(token).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("region", "Region " + Cities.tag())).patch("/v1/cities/{id}", city).then().statusCode(status);
    }
}
