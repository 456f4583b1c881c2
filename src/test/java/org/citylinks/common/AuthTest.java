package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Reads are public; writes need editor, deletes admin; bad tokens are 401 and say no more than that. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class AuthTest {

    private static final Map<String, Object> METZ = Map.of("name", "Metz", "countryCode", "FR");

    @Test
    void readsArePublic() {
        api().when().get("/v1/cities").then().statusCode(200);
    }

    @Test
    void readsIgnoreATokenThatIsNotValid() {
        api(TestTokens.expired()).when().get("/v1/cities").then().statusCode(200);
        api("garbage").when().get("/v1/search?q=metz").then().statusCode(200);
    }

    @Test
    void writingWithoutATokenIs401() {
        Api.invalidRequest().contentType(ContentType.JSON).body(METZ).when().post("/v1/cities")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://citylinks.org/problems/unauthorized"));
    }

    @Test
    void writingWithoutTheEditorRoleIs403() {
        api(TestTokens.reader()).contentType(ContentType.JSON).body(METZ).when().post("/v1/cities")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://citylinks.org/problems/forbidden"));
    }

    @Test
    void deletingACityNeedsAdminAndToBeWhoAddedIt() {
        String id = api(TestTokens.editor()).contentType(ContentType.JSON).body(METZ).when().post("/v1/cities")
                .then().statusCode(201).extract().path("id");
        api(TestTokens.editor()).header("If-Match", "\"0\"").when().delete("/v1/cities/{id}", id)
                .then().statusCode(403);
        api(TestTokens.admin()).header("If-Match", "\"0\"").when().delete("/v1/cities/{id}", id)
                .then().statusCode(403).body("detail", containsString("added"));
        api(TestTokens.token("editor@citylinks.test", java.util.Set.of(Roles.EDITOR, Roles.ADMIN)))
                .header("If-Match", "\"0\"").when().delete("/v1/cities/{id}", id).then().statusCode(204);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        rejected(TestTokens.wrongIssuer());
    }

    @Test
    void anExpiredTokenIs401() {
        rejected(TestTokens.expired());
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        rejected(TestTokens.wrongSignature());
    }

    /** Clocks differ: a token that expired a few seconds ago still counts, one past the 30 s allowed does not. */
    @Test
    void expiryAllowsThirtySecondsOfClockSkew() {
        api(TestTokens.expiredSecondsAgo(10)).contentType(ContentType.JSON).body(METZ).when().post("/v1/cities")
                .then().statusCode(201);
        rejected(TestTokens.expiredSecondsAgo(45));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        rejected(TestTokens.otherAudience());
    }

    @Test
    void anUnsignedTokenIs401() {
        rejected(ForgedTokens.unsigned(TestTokens.editor()));
    }

    /** The algorithm confusion attack: HS256 keyed with the trusted public key (its PEM text, its DER bytes). */
    @Test
    void anHmacTokenKeyedWithThePublicKeyIs401() throws Exception {
        byte[] pem = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(TestTokens.publicKeyPath()));
        byte[] der = java.util.Base64.getDecoder().decode(TestTokens.publicKey());
        rejected(ForgedTokens.hmac(TestTokens.editor(), pem));
        rejected(ForgedTokens.hmac(TestTokens.editor(), der));
    }

    @Test
    void claimsChangedUnderAGenuineSignatureAre401() {
        rejected(ForgedTokens.alteredClaims(TestTokens.editor()));
        rejected(ForgedTokens.alteredSignature(TestTokens.editor()));
    }

    private static void rejected(String token) {
        api(token).contentType(ContentType.JSON).body(METZ).when().post("/v1/cities")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("Send a valid bearer token in the Authorization header."));
    }
}
