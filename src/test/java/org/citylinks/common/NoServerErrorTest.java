package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Inputs that once answered 500: a day no calendar can write, and a request without a Host header. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class NoServerErrorTest {

    @Test
    void aDayOutsideFourDigitYearsIsRefusedAtTheDoorAndTheCalendarsStayUp() {
        String metz = Cities.newId("FR");
        for (String day : new String[] { "+10000-01-01", "-0001-12-31" }) {
            invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Youth and Artistic Conference", "hostCityId", metz, "startDate", "2023-04-14",
                            "endDate", day, "mode", "IN_PERSON"))
                    .when().post("/v1/conferences").then().statusCode(422)
                    .body("errors[0].pointer", equalTo("/endDate"))
                    .body("errors[0].message", containsString("four-digit year"));
        }
        for (Object notADay : new Object[] { 12345, "2023-01-01T23:59:59Z", "2023-02-30" }) {
            invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Study visit", "fromCityId", Cities.newId("TH"), "toCityId", metz,
                            "startDate", notADay, "mode", "IN_PERSON"))
                    .when().post("/v1/visits").then().statusCode(400)
                    .body("errors[0].pointer", equalTo("/startDate"))
                    .body("errors[0].message", containsString("such as 2023-04-14"));
        }
        api().when().get("/v1/cities/{id}/calendar.ics", metz).then().statusCode(200);
        api().when().get("/v1/conferences/calendar.ics").then().statusCode(200);
    }

    @Test
    void linksNeverComeFromTheHostHeader() {
        Cities.create("Linked " + Cities.tag(), "ID");
        Cities.create("Linked " + Cities.tag(), "ID");
        api().header("Host", "evil.example").queryParam("limit", 1).queryParam("country", "ID")
                .when().get("/v1/cities").then().statusCode(200)
                .header("Link", startsWith("<http://localhost:" + RestAssured.port + "/v1/cities?"))
                .header("Link", not(containsString("evil.example")));
        api(TestTokens.operator()).header("Host", "evil.example").contentType(ContentType.JSON)
                .body(Map.of("name", "Pristine", "countryCode", "ID")).when().post("/v1/cities").then()
                .statusCode(201).header("Location", startsWith("http://localhost:" + RestAssured.port + "/v1/cities/"));
    }

    @Test
    void aRequestWithoutAHostHeaderIsServed() throws IOException {
        String list = raw("GET /v1/cities?limit=1 HTTP/1.0\r\n\r\n");
        assertTrue(list.startsWith("HTTP/1.0 200") || list.startsWith("HTTP/1.1 200"), list);
        String body = "{\"name\":\"Hostless\",\"countryCode\":\"ID\"}";
        String created = raw("POST /v1/cities HTTP/1.0\r\nAuthorization: Bearer " + TestTokens.operator()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertTrue(created.startsWith("HTTP/1.0 201") || created.startsWith("HTTP/1.1 201"), created);
        assertTrue(created.toLowerCase().contains("\nlocation: http://localhost:" + RestAssured.port + "/v1/cities/"), created);
        assertFalse(created.contains("Something went wrong"), created);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void whatIsSentIsWhatIsStoredOrA400() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Metz\",\"countryCode\":\"FR\",\"countryCode\":\"DE\"}")
                .when().post("/v1/cities").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/countryCode"));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Metz\",\"countryCode\":\"FR\"} {\"name\":\"Ambon\"}")
                .when().post("/v1/cities").then().statusCode(400);
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":true,\"countryCode\":\"FR\"}")
                .when().post("/v1/cities").then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        for (String population : new String[] { "1.5", "-0.5", "\"45\"" }) {
            invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                    .body("{\"name\":\"Metz\",\"countryCode\":\"FR\",\"population\":" + population + "}")
                    .when().post("/v1/cities").then().statusCode(400).body("errors[0].pointer", equalTo("/population"));
        }
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Metz\",\"countryCode\":\"FR\",\"location\":{\"lat\":\"45\",\"lon\":6.2}}")
                .when().post("/v1/cities").then().statusCode(400).body("errors[0].pointer", equalTo("/location/lat"));
    }

    @Test
    void invalidTextIsRefusedNotAltered() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Lone\\ud800City\",\"countryCode\":\"ID\"}")
                .when().post("/v1/cities").then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        byte[] overlong = "{\"name\":\"A?B\",\"countryCode\":\"ID\"}".getBytes(StandardCharsets.US_ASCII);
        overlong[10] = (byte) 0xC0;
        byte[] withSecond = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, withSecond, 0, 11);
        withSecond[11] = (byte) 0xAF;
        System.arraycopy(overlong, 11, withSecond, 12, overlong.length - 11);
        invalidRequest(TestTokens.operator()).contentType("application/json").body(withSecond)
                .when().post("/v1/cities").then().statusCode(400).body("detail", containsString("UTF-8"));
        invalidRequest(TestTokens.operator()).contentType("application/json")
                .body("{\"name\":\"Metz\",\"countryCode\":\"FR\"}".getBytes(StandardCharsets.UTF_16BE))
                .when().post("/v1/cities").then().statusCode(400).body("detail", containsString("UTF-8"));
    }

    @Test
    void aRepeatedItemOfAUniqueListIsA422AndLengthsCountCharacters() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("title", "Study visit", "fromCityId", Cities.newId("TH"), "toCityId", Cities.newId("ID"),
                        "startDate", "2016-03-10", "mode", "IN_PERSON", "topics", java.util.List.of("batik", "crafts", "batik")))
                .when().post("/v1/visits").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/topics/2"))
                .body("errors[0].message", containsString("/topics/0"));
        String emoji = "\uD83C\uDFB5".repeat(200); // 200 characters, 400 UTF-16 units
        byte[] written = api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", emoji, "asciiName", "Music", "countryCode", "ID"))
                .when().post("/v1/cities").then().statusCode(201).body("name", equalTo(emoji)).extract().asByteArray();
        // Written as the characters themselves, in UTF-8, not as escaped surrogate pairs.
        assertTrue(new String(written, StandardCharsets.UTF_8).contains(emoji), "emoji written raw");
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", emoji + "\uD83C\uDFB5",
                "asciiName", "Music", "countryCode", "ID")).when().post("/v1/cities").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/name"));
    }

    @Test
    void ambiguousOrMalformedRequestShapesAreRefused() {
        invalidRequest().header("Authorization", "Bearer " + TestTokens.operator())
                .header("Authorization", "Bearer " + TestTokens.reader())
                .contentType(ContentType.JSON).body(Map.of("name", "Metz", "countryCode", "FR"))
                .when().post("/v1/cities").then().statusCode(400).body("errors[0].parameter", equalTo("Authorization"));
        for (String parameter : new String[] { "q", "sort", "network", "cursor" }) {
            invalidRequest().queryParam(parameter, "").when().get("/v1/cities").then().statusCode(400)
                    .body("errors[0].parameter", equalTo(parameter));
        }
        invalidRequest().queryParam("since", "").when().get("/v1/changes").then().statusCode(400);
        invalidRequest().queryParam("limit", "+5").when().get("/v1/cities").then().statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
        invalidRequest(TestTokens.operator()).contentType("*/*")
                .body("{\"name\":\"Metz\",\"countryCode\":\"FR\"}".getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/cities").then().statusCode(415).body("detail", containsString("application/json"));
    }

    @Test
    void acceptIsNegotiatedAsRfc9110SaysAndA204NeedsNone() {
        invalidRequest().header("Accept", "application/problem+json").when().get("/v1/cities").then().statusCode(406)
                .body("detail", containsString("application/json"));
        invalidRequest().header("Accept", "application/json;q=0").when().get("/v1/cities").then().statusCode(406);
        api().header("Accept", "text/html,application/xml;q=0.9,*/*;q=0.8").when().get("/v1/cities").then().statusCode(200);
        String id = Cities.newId("ID");
        invalidRequest(TestTokens.operator()).header("Accept", "application/xml").header("If-Match", "\"0\"")
                .when().delete("/v1/cities/{id}", id).then().statusCode(204);
    }

    @Test
    void textIsStoredAsSentAndTextOfWhiteSpaceOnlyIsRefused() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("title", "Study visit", "fromCityId", Cities.newId("TH"), "toCityId", Cities.newId("ID"),
                        "startDate", "2016-03-10", "mode", "IN_PERSON", "delegation", java.util.List.of(Map.of("name", " "))))
                .when().post("/v1/visits").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/delegation/0/name"))
                .body("errors[0].message", containsString("white space"));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Metz", "asciiName", "\u00a0 ", "countryCode", "FR"))
                .when().post("/v1/cities").then().statusCode(422).body("errors[0].pointer", equalTo("/asciiName"));
        String padded = " Metz " + Cities.tag() + " ";
        String id = api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", padded, "countryCode", "FR"))
                .when().post("/v1/cities").then().statusCode(201).body("name", equalTo(padded)).extract().path("id");
        api().when().get("/v1/cities/{id}", id).then().statusCode(200).body("name", equalTo(padded));
        // A name in a script without Latin letters gets a romanised ASCII name; one with no letters needs one sent.
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "\uC774\uCC9C", "countryCode", "KR"))
                .when().post("/v1/cities").then().statusCode(201).body("asciiName", equalTo("Icheon"));
        api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "\u65E5\u672C", "countryCode", "JP"))
                .when().post("/v1/cities").then().statusCode(201).body("asciiName", equalTo("Ri Ben"));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "\uD83C\uDFD9", "countryCode", "FR"))
                .when().post("/v1/cities").then().statusCode(422).body("errors[0].pointer", equalTo("/asciiName"));
    }

    @Test
    void aValueTooLongOrTooLargeIsNamed() {
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "a".repeat(900_000), "countryCode", "FR"))
                .when().post("/v1/cities").then().statusCode(422).body("errors[0].pointer", equalTo("/name"));
        invalidRequest(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Metz\",\"countryCode\":\"FR\",\"population\":" + "9".repeat(400) + "}")
                .when().post("/v1/cities").then().statusCode(422).body("errors[0].pointer", equalTo("/population"));
        String id = Cities.newId("FR");
        String etag = api().when().get("/v1/cities/{id}", id).then().statusCode(200).extract().header("ETag");
        invalidRequest(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("region", "a".repeat(300_000)))
                .when().patch("/v1/cities/{id}", id).then().statusCode(422).body("errors[0].pointer", equalTo("/region"));
        api().when().get("/v1/cities/{id}", id).then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void anOversizedOrUnreadableRequestTargetIsAProblem() {
        invalidRequest().queryParam("q", "a".repeat(20_000)).when().get("/v1/cities").then().statusCode(414)
                .body("type", equalTo("https://citylinks.org/problems/uri-too-long"));
        invalidRequest().header("X-Padding", "a".repeat(40_000)).when().get("/v1/cities").then().statusCode(431)
                .body("type", equalTo("https://citylinks.org/problems/headers-too-large"));
        invalidRequest().urlEncodingEnabled(false).when().get("/v1/cities?q=%C0%AF").then().statusCode(400)
                .body("errors[0].parameter", equalTo("q")).body("detail", containsString("UTF-8"));
        invalidRequest().urlEncodingEnabled(false).when().get("/v1/cities?q=%FF").then().statusCode(400)
                .body("errors[0].parameter", equalTo("q"));
        invalidRequest().urlEncodingEnabled(false).when().get("/v1/cities/%00").then().statusCode(400)
                .body("detail", containsString("control character"));
    }
}
