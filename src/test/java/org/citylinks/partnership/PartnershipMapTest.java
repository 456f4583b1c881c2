package org.citylinks.partnership;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The partnership map is GeoJSON: checked against the GeoJSON project's own FeatureCollection
 * schema (npm geojson-schema, installed with the contract tools), and filtered and bounded as
 * the contract says.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class PartnershipMapTest {

    private static final Path GEOJSON_SCHEMA = Path.of("openapi", "node_modules", "geojson-schema",
            "FeatureCollection.json");

    private static void tie(String a, String b, String since) {
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("cityIds", List.of(a, b), "relationshipType", "SISTER_CITY", "since", since))
                .when().post("/v1/partnerships").then().statusCode(201);
    }

    private static String cityAt(String name, String country, double lat, double lon) {
        return Cities.createAt(name, country, lat, lon).then().statusCode(201).extract().path("id");
    }

    @Test
    void theMapIsValidGeoJsonWithCitiesAsPointsAndTiesAsLines() throws Exception {
        String tag = Cities.capitalized(Cities.tag());
        String jakarta = cityAt("Jakarta " + tag, "ID", -6.175, 106.8275);
        String milan = cityAt("Milan " + tag, "IT", 45.4669, 9.19);
        String metz = cityAt("Metz " + tag, "FR", 49.1203, 6.1778);
        String nowhere = Cities.create("Nowhere " + tag, "FR").then().extract().path("id"); // no location
        tie(jakarta, milan, String.valueOf(java.time.Year.now().getValue() - 3)); // QUIET: begun 3 years ago
        tie(metz, milan, "1994");
        tie(nowhere, milan, "2001");

        String body = api().queryParam("country", "id").when().get("/v1/partnerships/map")
                .then().statusCode(200).contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("truncated", equalTo(false))
                .body("features.findAll { it.geometry.type == 'Point' }.id", hasItems(jakarta, milan))
                .body("features.findAll { it.geometry.type == 'Point' }.id", not(hasItem(metz)))
                .body("features.find { it.id == '" + jakarta + "' }.geometry.coordinates", equalTo(List.of(106.8275f, -6.175f)))
                .body("features.find { it.geometry.type == 'LineString' && it.properties.cityIds.contains('" + jakarta + "') }.properties.cityIds", containsInAnyOrder(jakarta, milan))
                .body("features.find { it.geometry.type == 'LineString' && it.properties.cityIds.contains('" + jakarta + "') }.properties.health", equalTo("QUIET"))
                .body("features.find { it.geometry.type == 'LineString' && it.properties.cityIds.contains('" + jakarta + "') }.geometry.coordinates", containsInAnyOrder(List.of(106.8275f, -6.175f), List.of(9.19f, 45.4669f)))
                .extract().asString();

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.newInputStream(GEOJSON_SCHEMA));
        JsonNode map = new ObjectMapper().readTree(body);
        Set<ValidationMessage> problems = schema.validate(map);
        assertEquals(Set.of(), problems, "the map breaks the GeoJSON FeatureCollection schema");

        // Milan's ties: the one with a city without a location is left out, not drawn to nowhere.
        String milanMap = api().queryParam("country", "IT").queryParam("health", "DORMANT")
                .when().get("/v1/partnerships/map").then().statusCode(200)
                .body("features.findAll { it.geometry.type == 'LineString' }.properties.cityIds.flatten()",
                        hasItem(metz))
                .body("features.id", everyItem(not(nowhere)))
                .extract().asString();
        assertEquals(Set.of(), schema.validate(new ObjectMapper().readTree(milanMap)));
    }

    @Test
    void theMapIsBoundedAndItsFiltersAreChecked() {
        String tag = Cities.capitalized(Cities.tag());
        String hub = cityAt("Hub " + tag, "NZ", -41.29, 174.78);
        for (int i = 0; i < 3; i++) {
            tie(hub, cityAt("Spoke " + i + " " + tag, "NZ", -40 - i, 175 + i), "2000");
        }
        api().queryParam("country", "NZ").queryParam("limit", 2).when().get("/v1/partnerships/map")
                .then().statusCode(200).body("truncated", equalTo(true))
                .body("features.findAll { it.geometry.type == 'LineString' }", hasSize(2));
        invalidRequest().queryParam("limit", 2001).when().get("/v1/partnerships/map").then().statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
        invalidRequest().queryParam("network", "NOPE").when().get("/v1/partnerships/map").then().statusCode(400)
                .body("errors[0].parameter", equalTo("network"));
    }
}
