package org.citylinks.city;

import static org.citylinks.common.Api.api;

import java.util.Locale;
import java.util.Map;

import org.citylinks.common.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Creates the cities a test needs, through the API, each with a name no other test uses. */
public final class Cities {

    private Cities() {
    }

    /** A made-up word of lower-case letters, so that a test's cities match only its own searches. */
    public static String tag() {
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            tag.append("bcdfghjklmnpqrstvwxz".charAt(org.citylinks.common.TestRandom.nextInt(20)));
            if (i % 3 == 1) {
                tag.append("aeiou".charAt(org.citylinks.common.TestRandom.nextInt(5)));
            }
        }
        return tag.toString();
    }

    public static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    public static Response create(Map<String, Object> body) {
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/cities")
                .then().statusCode(201).extract().response();
    }

    public static Response create(String name, String countryCode) {
        return create(Map.of("name", name, "countryCode", countryCode));
    }

    public static Response createAt(String name, String countryCode, double lat, double lon) {
        return create(Map.of("name", name, "countryCode", countryCode, "location", Map.of("lat", lat, "lon", lon)));
    }

    /** A new city with a name no other test uses; its id. */
    public static String newId(String countryCode) {
        return create(capitalized(tag()), countryCode).path("id");
    }
}
