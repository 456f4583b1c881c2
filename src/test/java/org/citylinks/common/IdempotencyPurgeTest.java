package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.citylinks.city.Cities;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Keys expire after 24 hours and are purged (in this JVM: the test ages a key in the database). */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class IdempotencyPurgeTest {

    @Inject
    IdempotencyKeyPurge keys;

    @Inject
    EntityManager entityManager;

    /** Makes the key a day and an hour old. */
    private void age(String key) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = ?1")
                .setParameter(1, key).executeUpdate());
    }

    @Test
    void anExpiredKeyIsFreeAgainAndPurged() {
        String key = UUID.randomUUID().toString();
        api(TestTokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", Cities.capitalized(Cities.tag()), "countryCode", "ID"))
                .when().post("/v1/cities").then().statusCode(201);
        age(key);

        // Expired: another request may use the key again.
        api(TestTokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", Cities.capitalized(Cities.tag()), "countryCode", "ID"))
                .when().post("/v1/cities").then().statusCode(201);

        age(key);
        int purged = keys.purgeExpired();
        assertEquals(true, purged >= 1);
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM idempotency_key WHERE key = ?1").setParameter(1, key).getSingleResult()).longValue());
        assertEquals(0, left);
    }
}
