package org.citylinks.webhook;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.Eventually;
import org.citylinks.common.TestTokens;
import org.citylinks.organization.Organizations;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Webhooks end to end, to a real receiver on a loopback port (which the test configuration allows)
 * that checks every signature: what arrives, in which order, after an outage, on replay, and what
 * an organisation may not see or reach.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class WebhooksTest {

    private record Subscribed(String id, String secret, String editor, String tag) {
    }

    private static Subscribed subscribe(WebhookReceiver receiver, UUID organization, List<String> types) {
        String editor = Organizations.editorOf(organization);
        Response created = api(editor).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organization.toString(), "url", receiver.url(), "eventTypes", types))
                .when().post("/v1/webhooks");
        created.then().statusCode(201).body("secret", startsWith("whsec_")).body("status", equalTo("ACTIVE"))
                .header("Location", containsString("/v1/webhooks/"));
        receiver.trust(created.path("secret"));
        return new Subscribed(created.path("id"), created.path("secret"), editor, created.header("ETag"));
    }

    /** The deliveries the receiver acknowledged that are about this record, in arrival order. */
    private static List<JsonPath> about(WebhookReceiver receiver, String recordId) {
        return receiver.acknowledged().stream().map(r -> new JsonPath(r.body()))
                .filter(body -> recordId.equals(body.getString("data.id"))).toList();
    }

    private static String newCity(String name) {
        return Cities.create(name + " " + Cities.tag(), "ID").path("id");
    }

    private static void rename(String city, String name) {
        String tag = api().when().get("/v1/cities/{id}", city).header("ETag");
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", tag)
                .body(Map.of("name", name)).when().patch("/v1/cities/{id}", city).then().statusCode(200);
    }

    @Test
    void eachChangeArrivesOnceSignedAndInOrderPerRecord() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID partner = Organizations.create("Partner tracker " + Cities.tag(), "OTHER", null);
            Subscribed subscription = subscribe(receiver, partner, List.of("city.created", "city.updated"));
            String pekalongan = newCity("Pekalongan");
            String chiangMai = newCity("Chiang Mai");
            for (int i = 1; i <= 3; i++) {
                rename(pekalongan, "Pekalongan " + i + " " + Cities.tag());
            }
            Eventually.passes(() -> {
                assertEquals(4, about(receiver, pekalongan).size());
                assertEquals(1, about(receiver, chiangMai).size());
            });
            List<JsonPath> events = about(receiver, pekalongan);
            assertEquals(List.of("city.created", "city.updated", "city.updated", "city.updated"),
                    events.stream().map(e -> e.getString("type")).toList());
            assertEquals(List.of(0L, 1L, 2L, 3L), events.stream().map(e -> e.getLong("data.version")).toList());
            assertEquals("/v1/cities/" + pekalongan, events.get(0).getString("data.href"));
            assertTrue(receiver.all().stream().allMatch(WebhookReceiver.Received::verified), "every signature holds");
            assertEquals(receiver.all().size(), receiver.all().stream().map(WebhookReceiver.Received::id).distinct().count(),
                    "each delivery once");

            // The log shows each one delivered; the secret is not shown again; other organisations see nothing.
            api(subscription.editor()).queryParam("status", "SUCCEEDED").when()
                    .get("/v1/webhooks/{id}/deliveries", subscription.id()).then().statusCode(200)
                    .body("items.lastStatusCode", everyItem(equalTo(204)))
                    .body("items.webhookId", everyItem(startsWith("msg_")));
            api(subscription.editor()).when().get("/v1/webhooks/{id}", subscription.id()).then().statusCode(200)
                    .body("secret", nullValue());
            String outsider = Organizations.editorOf(Organizations.create("Another partner", "OTHER", null));
            api(outsider).when().get("/v1/webhooks/{id}", subscription.id()).then().statusCode(404);
            api(outsider).when().get("/v1/webhooks/{id}/deliveries", subscription.id()).then().statusCode(404);
            api(outsider).when().get("/v1/webhooks").then().statusCode(200).body("items.id",
                    org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(subscription.id())));
            api(TestTokens.reader()).when().get("/v1/webhooks").then().statusCode(403);
        }
    }

    @Test
    void aReceiverThatWasDownGetsEverythingInOrderOnceBack() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503);
            Subscribed subscription = subscribe(receiver, Organizations.create("Tracker " + Cities.tag(), "OTHER", null),
                    List.of("city.created", "city.updated"));
            String darwin = newCity("Darwin");
            rename(darwin, "Darwin " + Cities.tag());
            Eventually.passes(() -> assertTrue(receiver.all().stream().filter(r -> r.body().contains(darwin)).count() >= 3,
                    "retried while down"));
            api(subscription.editor()).when().get("/v1/webhooks/{id}/deliveries", subscription.id()).then()
                    .body("items.status", everyItem(equalTo("PENDING")))
                    .body("items[-1].lastStatusCode", equalTo(503))
                    .body("items[-1].lastError", containsString("503"));

            receiver.answer(204);
            Eventually.passes(() -> assertEquals(2, about(receiver, darwin).size()));
            assertEquals(List.of(0L, 1L), about(receiver, darwin).stream().map(e -> e.getLong("data.version")).toList());
            // While the first was failing the second waited: nothing was acknowledged out of order.
            Eventually.passes(() -> api(subscription.editor()).when().get("/v1/webhooks/{id}/deliveries", subscription.id())
                    .then().body("items.status", everyItem(equalTo("SUCCEEDED"))));
        }
    }

    @Test
    void aReplaySendsTheSameWebhookIdAgain() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscribed subscription = subscribe(receiver, Organizations.create("Replayer " + Cities.tag(), "OTHER", null),
                    List.of("city.created"));
            String ambon = newCity("Ambon");
            Eventually.passes(() -> assertEquals(1, about(receiver, ambon).size()));
            String delivery = api(subscription.editor()).when().get("/v1/webhooks/{id}/deliveries", subscription.id())
                    .then().extract().path("items[0].id");
            String first = receiver.acknowledged().get(0).id();
            api(subscription.editor()).when().post("/v1/webhooks/{id}/deliveries/{delivery}/replays", subscription.id(),
                    delivery).then().statusCode(202).body("webhookId", equalTo(first));
            Eventually.passes(() -> assertEquals(2, about(receiver, ambon).size()));
            assertEquals(List.of(first, first), receiver.acknowledged().stream().map(WebhookReceiver.Received::id).toList());
            api(subscription.editor()).when().post("/v1/webhooks/{id}/deliveries/{delivery}/replays", subscription.id(),
                    UUID.randomUUID()).then().statusCode(404);
        }
    }

    @Test
    void aUrlIntoAPrivateNetworkIsRefusedNamingUrl() {
        UUID organization = Organizations.create("Careless partner " + Cities.tag(), "OTHER", null);
        String editor = Organizations.editorOf(organization);
        for (String url : List.of("https://10.1.2.3/hooks", "https://169.254.169.254/latest/meta-data",
                "https://192.168.0.10/hooks", "https://[fd00::1]/hooks", "https://[::ffff:10.0.0.1]/hooks",
                "https://100.64.0.1/hooks", "http://partner.example.org/hooks", "https://user:secret@partner.example.org/",
                "ftp://partner.example.org/hooks")) {
            invalidRequest(editor).contentType(ContentType.JSON)
                    .body(Map.of("organizationId", organization.toString(), "url", url, "eventTypes", List.of("city.created")))
                    .when().post("/v1/webhooks").then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/url"));
        }
        api(editor).when().get("/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(0));
        // A public host is accepted; one for an organisation the caller is not in is not.
        api(editor).contentType(ContentType.JSON).body(Map.of("organizationId", organization.toString(),
                "url", "https://partner.example.org/hooks", "eventTypes", List.of("city.created")))
                .when().post("/v1/webhooks").then().statusCode(201);
        api(editor).contentType(ContentType.JSON).body(Map.of("organizationId",
                Organizations.create("Someone else", "OTHER", null).toString(), "url", "https://partner.example.org/hooks",
                "eventTypes", List.of("city.created"))).when().post("/v1/webhooks").then().statusCode(403);
    }

    @Test
    void anOrganisationIsSentOnlyWhatItMaySee() throws Exception {
        try (WebhookReceiver own = new WebhookReceiver(); WebhookReceiver other = new WebhookReceiver()) {
            String ambon = Cities.newId("ID");
            String metz = Cities.newId("FR");
            UUID ambonOffice = Organizations.create("Ambon Music Office", "CITY_GOVERNMENT", ambon);
            subscribe(own, ambonOffice, List.of("visit.created"));
            subscribe(other, Organizations.create("Onlooker " + Cities.tag(), "OTHER", null), List.of("visit.created"));
            String planning = api(Organizations.editorOf(ambonOffice)).contentType(ContentType.JSON)
                    .body(Map.of("title", "Planning the exchange", "fromCityId", ambon, "toCityId", metz,
                            "startDate", "2023-02-01", "mode", "VIRTUAL", "visibility", "PARTIES"))
                    .when().post("/v1/visits").then().statusCode(201).extract().path("id");
            String visit = api(Organizations.editorOf(ambonOffice)).contentType(ContentType.JSON)
                    .body(Map.of("title", "Public concert", "fromCityId", ambon, "toCityId", metz,
                            "startDate", "2023-04-14", "mode", "IN_PERSON"))
                    .when().post("/v1/visits").then().statusCode(201).extract().path("id");
            Eventually.passes(() -> {
                assertEquals(1, about(own, planning).size());
                assertEquals(1, about(own, visit).size());
                assertEquals(1, about(other, visit).size());
            });
            assertEquals(0, about(other, planning).size(), "a visit between the parties reaches only them");
        }
    }

    @Test
    void theMoreTellingUpdatesArriveAsTheirOwnTypes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscribed subscription = subscribe(receiver, Organizations.create("Agreements desk " + Cities.tag(), "OTHER",
                    null), List.of("partnership.expiring", "partnership.renewed"));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Response tie = api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("cityIds",
                    List.of(Cities.newId("ID"), Cities.newId("AU")), "relationshipType", "SISTER_CITY", "since", "2020",
                    "signedOn", "2020-11-20", "validUntil", today.plusYears(2).toString()))
                    .when().post("/v1/partnerships");
            String id = tie.path("id");
            // A change of the description is an update, not one of the types asked for.
            String tag = api(TestTokens.operator()).contentType("application/merge-patch+json")
                    .header("If-Match", tie.header("ETag")).body(Map.of("description", "Tourism and creative economy"))
                    .when().patch("/v1/partnerships/{id}", id).then().statusCode(200).extract().header("ETag");
            api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", tag)
                    .body(Map.of("validUntil", today.plusDays(60).toString())).when().patch("/v1/partnerships/{id}", id)
                    .then().statusCode(200).body("agreementStatus", equalTo("EXPIRING"));
            api(TestTokens.operator()).contentType(ContentType.JSON)
                    .body(Map.of("renewedOn", today.toString(), "validUntil", today.plusYears(5).toString()))
                    .when().post("/v1/partnerships/{id}/renewals", id).then().statusCode(201);
            Eventually.passes(() -> assertEquals(List.of("partnership.expiring", "partnership.renewed"),
                    about(receiver, id).stream().map(e -> e.getString("type")).toList()));
            assertEquals(List.of("UPDATED", "UPDATED"), about(receiver, id).stream().map(e -> e.getString("data.change")).toList());
            api(subscription.editor()).when().get("/v1/webhooks/{id}/deliveries", subscription.id()).then()
                    .body("items.eventType", equalTo(List.of("partnership.renewed", "partnership.expiring")));
        }
    }

    @Test
    void failingForTheWholeRetryWindowDisablesTheSubscriptionAndSaysWhy() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(500);
            Subscribed subscription = subscribe(receiver, Organizations.create("Broken receiver " + Cities.tag(), "OTHER",
                    null), List.of("city.created"));
            String city = newCity("Milan");
            // The tests' retry window is 8 seconds.
            Eventually.passesWithin(java.time.Duration.ofSeconds(30), () ->
                    api(subscription.editor()).when().get("/v1/webhooks/{id}", subscription.id()).then()
                            .body("status", equalTo("DISABLED")).body("disabledReason", containsString("500")));
            String delivery = api(subscription.editor()).queryParam("status", "FAILED").when()
                    .get("/v1/webhooks/{id}/deliveries", subscription.id()).then().body("items.size()", equalTo(1))
                    .extract().path("items[0].id");
            api(subscription.editor()).when().post("/v1/webhooks/{id}/deliveries/{delivery}/replays", subscription.id(),
                    delivery).then().statusCode(409);

            // Mended and enabled again: the failed delivery replayed arrives.
            receiver.answer(204);
            String tag = api(subscription.editor()).when().get("/v1/webhooks/{id}", subscription.id()).header("ETag");
            api(subscription.editor()).contentType("application/merge-patch+json").header("If-Match", tag)
                    .body(Map.of("status", "ACTIVE")).when().patch("/v1/webhooks/{id}", subscription.id()).then()
                    .statusCode(200).body("disabledReason", nullValue());
            api(subscription.editor()).when().post("/v1/webhooks/{id}/deliveries/{delivery}/replays", subscription.id(),
                    delivery).then().statusCode(202);
            Eventually.passes(() -> assertEquals(1, about(receiver, city).size()));
        }
    }

    @Test
    void aRotatedSecretSignsAlongsideThePreviousOneDuringTheOverlap() throws Exception {
        try (WebhookReceiver before = new WebhookReceiver(); WebhookReceiver after = new WebhookReceiver()) {
            UUID organization = Organizations.create("Rotating partner " + Cities.tag(), "OTHER", null);
            Subscribed subscription = subscribe(before, organization, List.of("city.created"));
            String rotated = api(subscription.editor()).contentType(ContentType.JSON).body(Map.of("overlapHours", 1))
                    .when().post("/v1/webhooks/{id}/secret-rotations", subscription.id()).then().statusCode(200)
                    .body("secret", startsWith("whsec_")).body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue())
                    .extract().path("secret");
            after.trust(rotated);
            String tag = api(subscription.editor()).when().get("/v1/webhooks/{id}", subscription.id()).header("ETag");
            api(subscription.editor()).contentType("application/merge-patch+json").header("If-Match", tag)
                    .body(Map.of("url", after.url())).when().patch("/v1/webhooks/{id}", subscription.id()).then()
                    .statusCode(200);
            String city = newCity("Kanazawa");
            Eventually.passes(() -> assertEquals(1, about(after, city).size()));
            WebhookReceiver.Received delivery = after.acknowledged().get(0);
            assertTrue(delivery.verified(), "signed with the new secret");
            assertEquals(2, delivery.signatures().split(" ").length, "and with the previous one: " + delivery.signatures());
        }
    }
}
