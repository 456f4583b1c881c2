package org.citylinks.common;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The served document is the contract, with nothing scanned or added. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void servesExactlyThePathsAndSchemasOfTheContract() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Object> contract = yaml.readValue(Files.readString(Path.of("openapi", "citylinks.yaml")), Map.class);
        String served = RestAssured.given().accept("application/yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Map<String, Object> document = yaml.readValue(served, Map.class);

        assertEquals(((Map<String, Object>) contract.get("paths")).keySet(),
                ((Map<String, Object>) document.get("paths")).keySet());
        Map<String, Object> contractComponents = (Map<String, Object>) contract.get("components");
        Map<String, Object> servedComponents = (Map<String, Object>) document.get("components");
        assertEquals(((Map<String, Object>) contractComponents.get("schemas")).keySet(),
                ((Map<String, Object>) servedComponents.get("schemas")).keySet());
        assertEquals(contract.get("paths"), document.get("paths"));
        assertEquals(((Map<String, Object>) contract.get("info")).get("version"),
                ((Map<String, Object>) document.get("info")).get("version"));
    }

    @Test
    void swaggerUiIsServed() {
        RestAssured.given().when().get("/q/swagger-ui/")
                .then().statusCode(200).body(containsString("swagger"));
    }
}
