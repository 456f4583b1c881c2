package org.citylinks.imports;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.hasSize;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The CSV imports, on excerpts of the real files (src/test/resources/data). */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ImportTest {

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = ImportTest.class.getResourceAsStream("/data/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Response post(String path, byte[] csv) {
        return api(TestTokens.operator()).contentType("text/csv").body(csv).when().post(path)
                .then().statusCode(200).extract().response();
    }

    @Test
    void citiesThenTheirTwinsThenTheirMemberships() throws IOException {
        // Cities: 21 good rows, 2 malformed ones reported by line; a second run changes nothing.
        Response cities = post("/v1/cities/import", sample("world-cities-sample.csv"));
        assertEquals(23, cities.<Integer>path("lines"));
        assertEquals(21, cities.<Integer>path("created") + cities.<Integer>path("updated") + cities.<Integer>path("unchanged"));
        assertEquals(2, cities.<Integer>path("malformed"));
        cities.then().body("problems.line", containsInAnyOrder(23, 24))
                .body("problems.find { it.line == 23 }.reason", containsString("ZZ"));
        Response again = post("/v1/cities/import", sample("world-cities-sample.csv"));
        assertEquals(0, again.<Integer>path("created"));
        assertEquals(0, again.<Integer>path("updated"));
        assertEquals(21, again.<Integer>path("unchanged"));

        // The same name in two countries stays two cities; names keep their diacritics.
        api().queryParam("q", "valencia").queryParam("country", "VE").when().get("/v1/cities").then()
                .body("items.name", hasItem("Valencia"));
        api().queryParam("q", "sao paulo").queryParam("country", "BR").when().get("/v1/cities").then()
                .body("items.name", hasItem("São Paulo"));

        // Twins: a pair listed both ways is one partnership; unknown cities and countries are reported.
        Response twins = post("/v1/partnerships/import", sample("twin-cities-sample.csv"));
        assertEquals(9, twins.<Integer>path("lines"));
        assertEquals(7, twins.<Integer>path("created") + twins.<Integer>path("unchanged"));
        assertEquals(2, twins.<Integer>path("unmatched"));
        twins.then().body("problems.line", containsInAnyOrder(9, 10));
        Response twinsAgain = post("/v1/partnerships/import", sample("twin-cities-sample.csv"));
        assertEquals(0, twinsAgain.<Integer>path("created"));

        String berat = api().queryParam("q", "berat").queryParam("country", "AL").when().get("/v1/cities")
                .then().extract().path("items[0].id");
        api().when().get("/v1/cities/{id}/partners", berat).then().statusCode(200)
                .body("items.partner.name", hasItem("Amasya"))
                .body("items.find { it.partner.name == 'Amasya' }.since", equalTo(null));

        // Memberships need a country: the row without one is reported, never matched on its name;
        // so is Seville, which World Cities calls Sevilla.
        Response memberships = post("/v1/cities/import", sample("uccn-cities-sample.csv"));
        assertEquals(11, memberships.<Integer>path("lines"));
        assertEquals(9, memberships.<Integer>path("created") + memberships.<Integer>path("unchanged"));
        assertEquals(2, memberships.<Integer>path("unmatched"));
        memberships.then().body("problems.line", containsInAnyOrder(10, 12))
                .body("problems.find { it.line == 12 }.reason", containsString("never matched on its name alone"))
                .body("problems.find { it.line == 10 }.reason", equalTo("no city Seville in ES"));
        api().queryParam("q", "metz").queryParam("field", "MUSIC").queryParam("country", "FR")
                .when().get("/v1/cities").then().body("items.name", hasItem("Metz"));
    }

    @Test
    void aLongFileIsWrittenInConcurrentBatchesAndTheLaterLineForACityWins() {
        // 2,500 cities: three batches, two of them written at once; city 1 appears again near the
        // end with another population, and that later line is the one kept.
        String tag = org.citylinks.city.Cities.tag();
        long base = 990_000_000L + Math.abs(tag.hashCode() % 1_000_000) * 3_000L;
        StringBuilder csv = new StringBuilder("city,city_ascii,lat,lng,country,iso2,iso3,admin_name,capital,population,id\n");
        for (int i = 1; i <= 2500; i++) {
            int city = i == 2400 ? 1 : i;
            csv.append("Bulk").append(tag).append(city).append(",Bulk").append(tag).append(city)
                    .append(",1.5,2.5,Indonesia,ID,IDN,,,").append(i == 2400 ? 7 : 100).append(',')
                    .append(base + city).append('\n');
        }
        Response report = post("/v1/cities/import", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2500, report.<Integer>path("lines"));
        assertEquals(2499, report.<Integer>path("created"));
        assertEquals(1, report.<Integer>path("updated"));
        api().queryParam("q", "bulk" + tag + "1").queryParam("country", "ID").when().get("/v1/cities").then()
                .body("items.find { it.name == 'Bulk" + tag + "1' }.population", equalTo(7))
                .body("items.find { it.name == 'Bulk" + tag + "1' }.externalIds.simplemaps", equalTo(String.valueOf(base + 1)));
    }

    @Test
    void importsNeedAnOperatorAndAKnownHeader() throws IOException {
        invalidRequest(TestTokens.admin()).contentType("text/csv").body(sample("world-cities-sample.csv"))
                .when().post("/v1/cities/import").then().statusCode(403);
        invalidRequest().contentType("text/csv").body(sample("twin-cities-sample.csv"))
                .when().post("/v1/partnerships/import").then().statusCode(401);
        invalidRequest(TestTokens.operator()).contentType("text/csv").body("name,country\nX,Y\n")
                .when().post("/v1/cities/import").then().statusCode(400).contentType("application/problem+json");
        invalidRequest(TestTokens.operator()).contentType("text/csv").body("city1,country1\n")
                .when().post("/v1/partnerships/import").then().statusCode(400);
    }

    @Test
    void aLineThatIsNotUtf8IsReportedNotAltered() {
        long id = 1_990_000_000L + org.citylinks.common.TestRandom.nextLong(1_000_000);
        String tag = Long.toString(id, 36);
        byte[] head = ("city,city_ascii,lat,lng,country,iso2,iso3,admin_name,capital,population,id\n"
                + "Overlong" + tag).getBytes(StandardCharsets.UTF_8);
        byte[] bad = { (byte) 0xC0, (byte) 0xAF }; // an overlong "/", which a lenient decoder would accept
        byte[] tail = (",Overlong,1,1,France,FR,FRA,,,100," + id + "\nReadable" + tag + ",Readable,1,1,France,FR,FRA,,,100,"
                + (id + 1) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        System.arraycopy(bad, 0, csv, head.length, bad.length);
        System.arraycopy(tail, 0, csv, head.length + bad.length, tail.length);
        post("/v1/cities/import", csv).then().body("created", equalTo(1)).body("malformed", equalTo(1))
                .body("problems[0].line", equalTo(2)).body("problems[0].reason", containsString("UTF-8"));
        api().queryParam("q", "Overlong" + tag).when().get("/v1/cities").then().statusCode(200).body("items", hasSize(0));
        api().queryParam("q", "Readable" + tag).when().get("/v1/cities").then().statusCode(200).body("items", hasSize(1));
    }
}
