package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The expensive operations are bounded per client and per replica, with small bounds here (3 per
 * client and 5 per replica in an hour, so that nothing refills during the test): past them a 429
 * problem says when to retry; the cheap operations are never bounded.
 */
@QuarkusTest
@TestProfile(FairUseTest.Bounds.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class FairUseTest {

    public static class Bounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citylinks.fair-use.per-client", "3", "citylinks.fair-use.per-replica", "5",
                    "citylinks.fair-use.window", "3600S");
        }
    }

    @Test
    void oneClientsBurstIsRefusedWhileOthersAndCheapOperationsGoOn() {
        String flooder = TestTokens.token("flooder@citylinks.test", Set.of());
        String other = TestTokens.token("other@citylinks.test", Set.of());
        String city = org.citylinks.city.Cities.newId("FR");
        for (int remaining = 2; remaining >= 0; remaining--) {
            api(flooder).queryParam("q", "metz").get("/v1/search").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"client\";q=3;w=3600, \"replica\";q=5;w=3600"))
                    .header("RateLimit", matchesPattern("\"client\";r=" + remaining + ";t=\\d+, \"replica\";r=\\d+;t=\\d+"));
        }
        api(flooder).queryParam("q", "metz").get("/v1/search").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/too-many-requests"))
                .body("detail", containsString("You have made too many requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit", matchesPattern("\"client\";r=0;t=\\d+, .*"));
        // Its other expensive operations share the quota; its cheap ones are not bounded.
        api(flooder).get("/v1/cities/{id}/partner-suggestions", city).then().statusCode(429);
        api(flooder).get("/v1/cities/{id}", city).then().statusCode(200).header("RateLimit", nullValue());
        // Another client has its own quota, until the replica's is used up by both.
        api(other).queryParam("q", "metz").get("/v1/search").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"client\";r=2;t=\\d+, \"replica\";r=1;t=\\d+"));
        api().queryParam("q", "metz").get("/v1/search").then().statusCode(200);
        api(TestTokens.token("third@citylinks.test", Set.of())).queryParam("q", "metz").get("/v1/search")
                .then().statusCode(429).body("detail", containsString("This service has had too many requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }
}
