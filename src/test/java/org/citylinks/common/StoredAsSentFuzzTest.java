package org.citylinks.common;

import static org.citylinks.common.Api.invalidRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The fuzz gate through HTTP and the database: with a fixed seed, writes whose text mixes what
 * tends to be changed on the way in (white space at the ends and inside, combining marks, emoji,
 * scripts without case, quotes and backslashes, line and paragraph separators, control
 * characters, LIKE and SQL metacharacters) are each either refused with a 4xx problem or stored
 * exactly: read back, every member is what was sent. No answer is a 5xx.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class StoredAsSentFuzzTest {

    private static final long SEED = 20261202L;
    private static final int CITIES = 150;
    private static final int VISITS = 80;
    private static final int PATCHES = 60;

    private static final String[] PIECES = { "a", "Z", "é", "e\u0301", " ", "  ", "\t", "\n", "\u00a0", "\u3000",
            "\uD83C\uDFB5", "\uD83D\uDC69\u200D\uD83C\uDFA8", "\u0627\u0645\u0628\u0648\u0646", "\u6D4E", "\uC774\uCC9C",
            "\"", "\\", "'", "%", "_", "--", ";", "\u2028", "\u2029", "\u0001", "\u007f", "\uFEFF", "\u200B", "Ambon",
            "Metz", "ß", "İ", "ﬁ", "\u0085" };
    private static final String[] COUNTRIES = { "ID", "FR", "TH", "IT", "KR", "AU" };

    private final Random random = new Random(SEED);

    @Test
    void citiesAreStoredExactlyOrRefused() {
        int stored = 0;
        for (int i = 0; i < CITIES; i++) {
            Map<String, Object> city = new LinkedHashMap<>();
            city.put("name", text(1, 12));
            if (random.nextInt(3) == 0) {
                city.put("asciiName", ascii());
            }
            city.put("countryCode", COUNTRIES[random.nextInt(COUNTRIES.length)]);
            if (random.nextBoolean()) {
                city.put("region", text(0, 8));
            }
            if (random.nextBoolean()) {
                city.put("population", random.nextInt(3) == 0 ? random.nextLong() : (long) random.nextInt(40_000_000));
            }
            if (random.nextBoolean()) {
                city.put("location", Map.of("lat", random.nextDouble() * 200 - 100, "lon", random.nextDouble() * 400 - 200));
            }
            Response answer = invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(utf8(city))
                    .when().post("/v1/cities").then().extract().response();
            if (refusedOrCreated(answer, city)) {
                Map<String, Object> read = read("/v1/cities/{id}", answer.path("id").toString());
                for (String member : city.keySet()) {
                    assertSame(city.get(member), read.get(member), member, city);
                }
                stored++;
            }
        }
        assertTrue(stored > CITIES / 4, "the gate must store a good share of what it sends, not only refuse: " + stored);
    }

    @Test
    void visitsAreStoredExactlyOrRefused() {
        String from = Cities.newId("TH");
        String to = Cities.newId("ID");
        int stored = 0;
        for (int i = 0; i < VISITS; i++) {
            Map<String, Object> visit = new LinkedHashMap<>();
            visit.put("title", text(1, 10));
            visit.put("fromCityId", from);
            visit.put("toCityId", to);
            visit.put("startDate", "2016-03-10");
            visit.put("mode", random.nextBoolean() ? "IN_PERSON" : "VIRTUAL");
            if (random.nextBoolean()) {
                visit.put("purpose", text(0, 10));
            }
            List<Map<String, Object>> delegation = new ArrayList<>();
            for (int d = random.nextInt(3); d > 0; d--) {
                delegation.add(Map.of("name", text(1, 5), "role", text(0, 4)));
            }
            visit.put("delegation", delegation);
            LinkedHashSet<String> topics = new LinkedHashSet<>(); // topics are slugs: music, music-education
            for (int t = random.nextInt(4); t > 0; t--) {
                topics.add(random.nextBoolean() ? "music" : "crafts-" + random.nextInt(100));
            }
            visit.put("topics", new ArrayList<>(topics));
            Response answer = invalidRequest(TestTokens.operator()).contentType(ContentType.JSON).body(utf8(visit))
                    .when().post("/v1/visits").then().extract().response();
            if (refusedOrCreated(answer, visit)) {
                Map<String, Object> read = read("/v1/visits/{id}", answer.path("id").toString());
                for (String member : List.of("title", "purpose", "delegation", "topics")) {
                    if (visit.containsKey(member)) {
                        assertSame(visit.get(member), read.get(member), member, visit);
                    }
                }
                stored++;
            }
        }
        assertTrue(stored > VISITS / 4, "stored " + stored + " of " + VISITS);
    }

    @Test
    void patchedTextIsStoredExactlyOrRefused() {
        String id = Cities.newId("FR");
        for (int i = 0; i < PATCHES; i++) {
            String etag = invalidRequest().when().get("/v1/cities/{id}", id).then().statusCode(200).extract().header("ETag");
            Map<String, Object> patch = Map.of("region", text(1, 10));
            Response answer = invalidRequest(TestTokens.operator()).contentType("application/merge-patch+json")
                    .header("If-Match", etag).body(utf8(patch)).when().patch("/v1/cities/{id}", id).then().extract().response();
            assertTrue(answer.statusCode() < 500, "a 5xx for " + patch + ": " + answer.asString());
            Map<String, Object> read = read("/v1/cities/{id}", id);
            if (answer.statusCode() == 200) {
                assertEquals(patch.get("region"), read.get("region"), "patched " + patch);
            } else {
                assertEquals(etag, invalidRequest().when().get("/v1/cities/{id}", id).then().extract().header("ETag"),
                        "a refused patch changed the city: " + answer.asString());
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as UTF-8 JSON bytes, whatever charset the client library would pick for its media type. */
    private static byte[] utf8(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A representation as Jackson reads it (doubles kept whole, unlike the client library's floats). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String path, String id) {
        byte[] body = invalidRequest().when().get(path, id).then().statusCode(200).extract().asByteArray();
        try {
            return JSON.readValue(body, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for a 201; for a refusal, checks it is a 4xx problem; anything else fails the gate. */
    private static boolean refusedOrCreated(Response answer, Map<String, Object> sent) {
        int status = answer.statusCode();
        assertTrue(status < 500, "a 5xx for " + sent + ": " + answer.asString());
        if (status == 201) {
            return true;
        }
        assertTrue(status == 400 || status == 422, "status " + status + " for " + sent + ": " + answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        return false;
    }

    private static void assertSame(Object sent, Object read, String member, Map<String, Object> body) {
        if (sent instanceof Number number && read instanceof Number readNumber) {
            if (sent instanceof Double) {
                assertEquals(number.doubleValue(), readNumber.doubleValue(), 1e-9, member + " of " + body);
            } else {
                assertEquals(number.longValue(), readNumber.longValue(), member + " of " + body);
            }
        } else if (sent instanceof Map<?, ?> map && read instanceof Map<?, ?> readMap) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                assertSame(entry.getValue(), readMap.get(entry.getKey()), member + "." + entry.getKey(), body);
            }
        } else if (sent instanceof List<?> list && read instanceof List<?> readList) {
            assertEquals(list.size(), readList.size(), member + " of " + body);
            for (int i = 0; i < list.size(); i++) {
                assertSame(list.get(i), readList.get(i), member + "/" + i, body);
            }
        } else {
            assertEquals(sent, read, member + " of " + body);
        }
    }

    private String text(int minPieces, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int pieces = minPieces + random.nextInt(maxPieces - minPieces + 1);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private String ascii() {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            text.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }
}
