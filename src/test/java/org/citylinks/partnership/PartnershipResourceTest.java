package org.citylinks.partnership;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
class PartnershipResourceTest {

    static Response create(List<String> cityIds, String type, String since) {
        return api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("cityIds", cityIds, "relationshipType", type, "since", since))
                .when().post("/v1/partnerships");
    }

    @Test
    void aPairIsStoredOnceWhicheverOrderItIsNamedIn() {
        String jakarta = Cities.newId("ID");
        String milan = Cities.newId("IT");
        Response created = create(List.of(milan, jakarta), "FRIENDSHIP_CITY", "2019");
        created.then().statusCode(201).body("status", equalTo("ACTIVE")).body("cities", hasSize(2));
        List<String> stored = created.path("cityIds");

        create(List.of(jakarta, milan), "FRIENDSHIP_CITY", "2020").then().statusCode(409)
                .body("errors[0].pointer", equalTo("/cityIds"));
        create(List.of(milan, jakarta), "FRIENDSHIP_CITY", "2020").then().statusCode(409);
        // Another kind of tie between the same two cities is another partnership.
        create(List.of(jakarta, milan), "SISTER_CITY", "2021-05-01").then().statusCode(201)
                .body("cityIds", equalTo(stored));
        api().queryParam("cityId", jakarta).when().get("/v1/partnerships").then().statusCode(200)
                .body("items.since", contains("2021-05-01", "2019"));
    }

    @Test
    void aCityWithItselfAnUnknownCityOrANonDayIs422() {
        String denpasar = Cities.newId("ID");
        create(List.of(denpasar, denpasar), "SISTER_CITY", "2020").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/cityIds/1"));
        create(List.of(denpasar, "3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11"), "SISTER_CITY", "2020").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/cityIds/1"));
        create(List.of(denpasar, Cities.newId("AU")), "SISTER_CITY", "2021-02-30").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/since"));
    }

    @Test
    void aCitysPartnersEmbedThePartnerCityByName() {
        String city = Cities.newId("ID");
        String zName = "Zz" + Cities.tag();
        String aName = "Aa" + Cities.tag();
        String z = Cities.create(zName, "AU").path("id");
        String a = Cities.create(aName, "FR").path("id");
        create(List.of(city, z), "SISTER_CITY", "1994").then().statusCode(201);
        create(List.of(a, city), "FRIENDSHIP_CITY", "2004").then().statusCode(201);

        api().when().get("/v1/cities/{id}/partners", city).then().statusCode(200)
                .body("items.partner.name", contains(aName, zName))
                .body("items[1].partner.countryCode", equalTo("AU"))
                .body("items[1].since", equalTo("1994"));
        api().queryParam("relationshipType", "SISTER_CITY").when().get("/v1/cities/{id}/partners", city).then()
                .body("items.partner.id", contains(z));
        Response page = api().queryParam("limit", 1).when().get("/v1/cities/{id}/partners", city).then()
                .body("items", hasSize(1)).extract().response();
        api().queryParam("limit", 1).queryParam("cursor", (String) page.path("next"))
                .when().get("/v1/cities/{id}/partners", city).then().body("items.partner.id", contains(z))
                .body("next", equalTo(null));
        api().when().get("/v1/cities/{id}/partners", "3f6c1a52-5d0e-4a8f-9a43-2d1f0c7b9e11").then().statusCode(404);
    }

    /** {@code q} on the list matches the partner cities' names as every other {@code q} does, typos forgiven. */
    @Test
    void theListFindsPartnershipsByTheirCitiesNamesWithATypoForgiven() {
        String tag = Cities.tag();
        String name = Cities.capitalized(tag) + "pasar";
        String city = Cities.create(name, "ID").path("id");
        String partnership = create(List.of(city, Cities.newId("AU")), "SISTER_CITY", "2020").then().statusCode(201)
                .extract().path("id");
        api().queryParam("q", name).when().get("/v1/partnerships").then().statusCode(200)
                .body("items.id", contains(partnership));
        String typo = tag + "psar"; // one letter left out of a word of more than nine
        org.citylinks.common.Eventually.passes(() -> api().queryParam("q", typo).when().get("/v1/partnerships")
                .then().statusCode(200).body("items.id", contains(partnership)));
        api().queryParam("q", typo).queryParam("type", "PARTNERSHIP").when().get("/v1/search").then().statusCode(200)
                .body("items.id", contains(partnership));
    }

    @Test
    void patchChangesStatusAndDeleteNeedsAdmin() {
        Response created = create(List.of(Cities.newId("ID"), Cities.newId("AU")), "SISTER_CITY", "2020");
        String id = created.path("id");
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("status", "DORMANT")).when().patch("/v1/partnerships/{id}", id)
                .then().statusCode(200).body("status", equalTo("DORMANT")).header("ETag", "\"1\"");
        api().queryParam("status", "DORMANT").queryParam("cityId", (String) created.path("cityIds[0]"))
                .when().get("/v1/partnerships").then().body("items.id", contains(id));
        api(TestTokens.operator()).header("If-Match", "\"1\"").when().delete("/v1/partnerships/{id}", id)
                .then().statusCode(204);
    }
}
