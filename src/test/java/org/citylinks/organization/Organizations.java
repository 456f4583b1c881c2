package org.citylinks.organization;

import static org.citylinks.common.Api.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.common.Roles;
import org.citylinks.common.TestTokens;

import io.restassured.http.ContentType;

/** Creates the organisations a test needs, through the API, and tokens of their members. */
public final class Organizations {

    private Organizations() {
    }

    /** A new organisation; its id. {@code cityId} only for a CITY_GOVERNMENT. */
    public static UUID create(String name, String kind, String cityId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        if (cityId != null) {
            body.put("cityId", cityId);
        }
        String id = api(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/organizations").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A new city government of this city; its id. */
    public static UUID governmentOf(String cityId) {
        return create("Government " + cityId.substring(0, 8), "CITY_GOVERNMENT", cityId);
    }

    public static String editorOf(UUID organization) {
        return TestTokens.member("editor-" + organization + "@citylinks.test", List.of(organization), Roles.EDITOR);
    }

    public static String adminOf(UUID organization) {
        return TestTokens.member("admin-" + organization + "@citylinks.test", List.of(organization), Roles.EDITOR,
                Roles.ADMIN);
    }

    /** A member with no role: may read what the organisation may see, may not write. */
    public static String readerOf(UUID organization) {
        return TestTokens.member("reader-" + organization + "@citylinks.test", List.of(organization));
    }
}
