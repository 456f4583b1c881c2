package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Answers of a page or more come compressed when the client asks (gzip, or brotli), and decode to the
 * same bytes as the uncompressed answer; small answers stay as they are; every answer of a text type
 * says it varies with {@code Accept-Encoding}, and its ETag is that of the resource, whatever the coding.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class CompressionTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String PAGE = "/v1/cities?limit=100";

    @BeforeEach
    void aPageOfCities() {
        for (int i = 0; i < 6; i++) {
            Cities.newId("ID");
        }
    }

    @Test
    void aPageComesGzippedOrInBrotliAsTheClientAsksAndDecodesToTheSameBytes() throws Exception {
        HttpResponse<byte[]> plain = get(PAGE, null);
        assertEquals(200, plain.statusCode());
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), "compressed without being asked");
        assertTrue(plain.body().length > 2 * ResponseCompression.THRESHOLD_BYTES);

        HttpResponse<byte[]> gzipped = get(PAGE, "gzip");
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes());
        assertTrue(gzipped.body().length < plain.body().length / 3,
                () -> "gzip: " + gzipped.body().length + " bytes of " + plain.body().length);
        assertTrue(gzipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));

        HttpResponse<byte[]> brotli = get(PAGE, "br;q=1.0, gzip;q=0.8");
        assertEquals("br", brotli.headers().firstValue("Content-Encoding").orElse(null));
        Brotli4jLoader.ensureAvailability();
        assertArrayEquals(plain.body(), Decoder.decompress(brotli.body()).getDecompressedData());

        // What a client with a decoder sees is the contract's answer.
        api().header("Accept-Encoding", "gzip").when().get(PAGE).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"));
    }

    @Test
    void aSmallAnswerStaysAsItIsAndItsEtagServesEitherWay() throws Exception {
        String path = "/v1/cities/" + Cities.newId("FR");
        HttpResponse<byte[]> small = get(path, "gzip, br");
        assertEquals(200, small.statusCode());
        assertTrue(small.body().length < ResponseCompression.THRESHOLD_BYTES);
        assertFalse(small.headers().firstValue("Content-Encoding").filter(e -> !e.equals("identity")).isPresent(),
                "an answer under the threshold was compressed");
        assertTrue(small.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));

        String etag = small.headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, get(path, null).headers().firstValue("ETag").orElseThrow());
        api().header("Accept-Encoding", "gzip").header("If-None-Match", etag).when().get(path).then().statusCode(304);
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + io.restassured.RestAssured.port + path)).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
