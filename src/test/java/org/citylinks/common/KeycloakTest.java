package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The organisations' access rules with real tokens from a real Keycloak (keycloak/citylinks-realm.json):
 * two offices' editors and admins mapped into the organisation claim from Keycloak's organisations,
 * a partner's back-end by the client-credentials grant, forged and misdirected tokens refused, a key
 * rotation and a removed member in the middle of the run, and finally the issuer going away.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakTest {

    private static final String REFUSED = "Send a valid bearer token in the Authorization header.";

    /** What the first test sets up, in CityLinks and in Keycloak, for the ones after it. */
    private static String proposal;
    private static String metzAdminToken;

    private static KeycloakServer keycloak() {
        return KeycloakProfile.Resource.server();
    }

    @Test
    @Order(1)
    void twoOfficesNegotiateWithTheirKeycloakTokens() {
        String operator = keycloak().userToken("platform-operator");
        String ambon = create(operator, "/v1/cities", Map.of("name", "Ambon", "countryCode", "ID"));
        String metz = create(operator, "/v1/cities", Map.of("name", "Metz", "countryCode", "FR"));
        String ambonOffice = create(operator, "/v1/organizations",
                Map.of("name", "Ambon Music Office", "kind", "CITY_GOVERNMENT", "cityId", ambon));
        String metzOffice = create(operator, "/v1/organizations",
                Map.of("name", "Metz international relations", "kind", "CITY_GOVERNMENT", "cityId", metz));
        String secretariat = create(operator, "/v1/organizations", Map.of("name", "WCCF secretariat", "kind", "NETWORK"));
        // Keycloak's organisations carry the CityLinks id their members' tokens name.
        keycloak().mapOrganization("ambon", ambonOffice);
        keycloak().mapOrganization("metz", metzOffice);
        keycloak().mapServiceAccount(secretariat);

        String ambonEditor = keycloak().userToken("ambon-editor");
        proposal = api(ambonEditor).contentType(ContentType.JSON).body(Map.of("title", "Ambon and Metz, Cities of Music",
                "proposerCityId", ambon, "partnerCityId", metz, "relationshipType", "THEMATIC_PARTNERSHIP",
                "draftedOn", "2022-11-15",
                "programmes", List.of(Map.of("number", 1, "title", "Music teacher exchange"))))
                .post("/v1/proposals").then().statusCode(201)
                .body("ownerOrganizationId", equalTo(ambonOffice))
                .body("visibility", equalTo("PARTIES"))
                .body("createdBy", equalTo("ambon-editor"))
                .extract().path("id");

        // The two sides see it; the partner's back-end, another realm's operator and nobody do not.
        api(keycloak().userToken("metz-editor")).get("/v1/proposals/{id}", proposal).then().statusCode(200);
        metzAdminToken = keycloak().userToken("metz-admin");
        api(metzAdminToken).get("/v1/proposals/{id}", proposal).then().statusCode(200);
        api(keycloak().serviceAccountToken()).get("/v1/proposals/{id}", proposal).then().statusCode(404);
        api().get("/v1/proposals/{id}", proposal).then().statusCode(404);
        // Deleting takes an admin of the owner: not its editor, not the other office's admin.
        String visit = create(ambonEditor, "/v1/visits", Map.of("title", "Virtual meeting on the four programmes",
                "fromCityId", ambon, "toCityId", metz, "startDate", "2022-11-24", "mode", "VIRTUAL"));
        String visitTag = etag("/v1/visits/" + visit, operator);
        api(ambonEditor).header("If-Match", visitTag).delete("/v1/visits/{id}", visit).then().statusCode(403);
        api(metzAdminToken).header("If-Match", visitTag).delete("/v1/visits/{id}", visit).then().statusCode(403);
        api(keycloak().userToken("ambon-admin")).header("If-Match", visitTag).delete("/v1/visits/{id}", visit)
                .then().statusCode(204);
        // Metz's editor is not of Ambon's side: it may not change the proposal's terms.
        api(keycloak().userToken("metz-editor")).contentType("application/merge-patch+json")
                .header("If-Match", etag("/v1/proposals/" + proposal, operator))
                .body(Map.of("title", "Changed by the other side")).patch("/v1/proposals/{id}", proposal)
                .then().statusCode(403);
    }

    @Test
    @Order(2)
    void aPartnersBackEndWritesAsItsOrganisationWithClientCredentials() {
        String token = keycloak().serviceAccountToken();
        String metz = api().queryParam("q", "Metz").get("/v1/cities").then().statusCode(200).extract().path("items[0].id");
        api(token).contentType(ContentType.JSON).body(Map.of("name", "Leadership Exchange Programme, round 3",
                "hostCityId", metz, "startDate", "2023-04-01", "mode", "VIRTUAL"))
                .post("/v1/conferences").then().statusCode(201)
                .body("createdBy", equalTo("service-account-partner-backend"))
                .body("ownerOrganizationId", not(equalTo(null)));
    }

    @Test
    @Order(4)
    void forgedAndMisdirectedTokensAre401sThatSayNothingMore() {
        String genuine = keycloak().userToken("ambon-admin");
        Map<String, String> forged = new HashMap<>();
        forged.put("alg none", ForgedTokens.unsigned(genuine));
        for (Map.Entry<String, byte[]> secret : ForgedTokens.publicKeySecrets(keycloak().jwks()).entrySet()) {
            forged.put("HS256 keyed with the public key as " + secret.getKey(), ForgedTokens.hmac(genuine, secret.getValue()));
        }
        forged.put("another realm", keycloak().otherRealmToken());
        forged.put("another audience", keycloak().otherApplicationToken("ambon-admin"));
        forged.put("a signature altered", ForgedTokens.alteredSignature(genuine));
        forged.put("claims altered under a genuine signature", ForgedTokens.alteredClaims(genuine));
        for (Map.Entry<String, String> token : forged.entrySet()) {
            ValidatableResponse refused = api(token.getValue()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Forged " + token.getKey(), "countryCode", "ID"))
                    .post("/v1/cities").then();
            refused.statusCode(401).contentType("application/problem+json").body("detail", equalTo(REFUSED))
                    .header("WWW-Authenticate", "Bearer");
            String body = refused.extract().asString();
            for (String leak : List.of("jose4j", "Exception", "kid", "signature", "issuer", "audience", "realm")) {
                assertTrue(!body.contains(leak), token.getKey() + ": the problem names '" + leak + "': " + body);
            }
        }
        // And none of them reads a private record.
        for (String token : forged.values()) {
            api(token).get("/v1/proposals/{id}", proposal).then().statusCode(404);
        }
    }

    /**
     * Runs before the forged tokens: a token naming an unknown key id also makes the key set fetched
     * again, and such fetches are at most one per forced-jwk-refresh-interval (30 s).
     */
    @Test
    @Order(3)
    void aRotatedSigningKeyIsFetchedWhenATokenNamesIt() {
        String before = keycloak().userToken("metz-editor");
        keycloak().rotateSigningKey();
        String after = keycloak().userToken("metz-editor");
        assertNotEquals(KeycloakServer.keyId(before), KeycloakServer.keyId(after), "Keycloak signs with the new key");
        api(after).get("/v1/proposals/{id}", proposal).then().statusCode(200);
        api(before).get("/v1/proposals/{id}", proposal).then().statusCode(200);
    }

    @Test
    @Order(5)
    void aMemberRemovedFromItsOrganisationLosesAccessWithItsNextToken() {
        String before = keycloak().userToken("metz-editor");
        api(before).get("/v1/proposals/{id}", proposal).then().statusCode(200);
        keycloak().removeMember("metz", "metz-editor");
        String after = keycloak().userToken("metz-editor");
        api(after).get("/v1/proposals/{id}", proposal).then().statusCode(404);
        api(after).contentType(ContentType.JSON).body(Map.of("to", "WITHDRAWN"))
                .post("/v1/proposals/{id}/transitions", proposal).then().statusCode(404);
    }

    @Test
    @Order(6)
    void anUnreachableIssuerIsReportedWhileCachedKeysStillServe() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'identity-provider' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'identity-provider' }.data.reachable", equalTo(true));
        keycloak().close();
        api(metzAdminToken).get("/v1/proposals/{id}", proposal).then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'identity-provider' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'identity-provider' }.data.reachable", equalTo(false))
                .body("checks.find { it.name == 'identity-provider' }.data", hasKey("unreachableSince"));
        assertEquals(false, keycloak().running());
    }

    private static String create(String token, String path, Map<String, Object> body) {
        return api(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private static String etag(String path, String token) {
        return api(token).get(path).then().statusCode(200).extract().header("ETag");
    }
}
