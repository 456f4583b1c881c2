package org.citylinks.partnership;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citylinks.city.Cities;
import org.citylinks.common.EmbeddedPostgresResource;
import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A partnership's agreement after the signing: its dates, where it stands today across the expiry
 * window's edges, and its renewals. Dates are relative to today, as the status is.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class PartnershipAgreementTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** A sister-city tie signed four years ago, with these agreement members (null ones left out). */
    private static Response tie(String city, String signedOn, String inForceFrom, String validUntil) {
        Map<String, Object> body = new HashMap<>(Map.of("cityIds", List.of(city, Cities.newId("AU")),
                "relationshipType", "SISTER_CITY", "since", TODAY.minusYears(4).toString()));
        if (signedOn != null) {
            body.put("signedOn", signedOn);
        }
        if (inForceFrom != null) {
            body.put("inForceFrom", inForceFrom);
        }
        if (validUntil != null) {
            body.put("validUntil", validUntil);
        }
        return api(TestTokens.operator()).contentType(ContentType.JSON).body(body).when().post("/v1/partnerships");
    }

    private static String status(String city, String signedOn, String inForceFrom, LocalDate validUntil) {
        return tie(city, signedOn, inForceFrom, validUntil == null ? null : validUntil.toString()).then().statusCode(201)
                .extract().path("agreementStatus");
    }

    @Test
    void theStatusFollowsTheDatesAcrossTheWindowsEdges() {
        String denpasar = Cities.newId("ID");
        String signed = TODAY.minusYears(4).toString();
        equal("NOT_RECORDED", status(denpasar, null, null, null));
        equal("OPEN_ENDED", status(denpasar, signed, null, null));
        equal("NOT_YET_IN_FORCE", status(denpasar, signed, TODAY.plusDays(10).toString(), TODAY.plusYears(5)));
        equal("IN_FORCE", status(denpasar, signed, null, TODAY.plusDays(181)));
        equal("EXPIRING", status(denpasar, signed, null, TODAY.plusDays(180)));
        equal("EXPIRING", status(denpasar, signed, null, TODAY)); // its last day is still in force
        equal("EXPIRED", status(denpasar, signed, null, TODAY.minusDays(1)));

        // The filters: by status, and by the last day.
        api().queryParam("cityId", denpasar).queryParam("agreementStatus", "EXPIRING").when().get("/v1/partnerships")
                .then().statusCode(200).body("items.size()", equalTo(2))
                .body("items.agreementStatus", equalTo(List.of("EXPIRING", "EXPIRING")));
        api().queryParam("cityId", denpasar).queryParam("expiresBefore", TODAY.plusDays(181).toString())
                .when().get("/v1/partnerships").then().statusCode(200).body("items.size()", equalTo(3))
                .body("items.validUntil", not(hasItem(TODAY.plusDays(181).toString())));
        api().queryParam("cityId", denpasar).queryParam("status", "EXPIRED").when().get("/v1/partnerships")
                .then().statusCode(200).body("items.agreementStatus", equalTo(List.of("EXPIRED")))
                .body("items[0].status", equalTo("ACTIVE"));
        invalidRequest().queryParam("agreementStatus", "LAPSED").when().get("/v1/partnerships").then().statusCode(400)
                .body("errors[0].parameter", equalTo("agreementStatus"));
        invalidRequest().queryParam("expiresBefore", "2027-02-30").when().get("/v1/partnerships").then().statusCode(400)
                .body("errors[0].parameter", equalTo("expiresBefore"));
    }

    @Test
    void datesOutOfOrderAreRefusedNamingTheField() {
        String city = Cities.newId("ID");
        tie(city, "2023-04-20", "2023-04-01", null).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/inForceFrom"));
        tie(city, "2023-04-20", null, "2023-04-19").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/validUntil"));
        api().queryParam("cityId", city).when().get("/v1/partnerships").then().body("items.size()", equalTo(0));

        // A patch sets the last day of a tie recorded without one.
        Response tie = tie(city, "2023-04-20", null, null);
        String id = tie.path("id");
        api(TestTokens.operator()).contentType("application/merge-patch+json").header("If-Match", tie.header("ETag"))
                .body(Map.of("validUntil", TODAY.plusDays(30).toString())).when().patch("/v1/partnerships/{id}", id)
                .then().statusCode(200).body("agreementStatus", equalTo("EXPIRING"))
                .body("validUntil", equalTo(TODAY.plusDays(30).toString()));
    }

    @Test
    void aRenewalMovesTheLastDayAndIsKeptInTheHistory() {
        Response expired = tie(Cities.newId("ID"), "2019-05-01", null, TODAY.minusDays(3).toString());
        String id = expired.path("id");
        String tag = expired.header("ETag");
        expired.then().body("agreementStatus", equalTo("EXPIRED")).body("renewalCount", equalTo(0));

        // Refused, changing nothing: a stale If-Match, a new end not after the current one, a day before the signing.
        api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body(Map.of("renewedOn", TODAY.toString(), "validUntil", TODAY.plusYears(5).toString()))
                .when().post("/v1/partnerships/{id}/renewals", id).then().statusCode(412);
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("renewedOn", "2019-04-01", "validUntil", TODAY.minusDays(3).toString()))
                .when().post("/v1/partnerships/{id}/renewals", id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/renewedOn", "/validUntil")));
        api().when().get("/v1/partnerships/{id}", id).then().header("ETag", tag).body("agreementStatus", equalTo("EXPIRED"));

        // Renewed late, for five years.
        String renewal = api(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("renewedOn", TODAY.toString(), "validUntil", TODAY.plusYears(5).toString(),
                        "note", "Renewed with a youth exchange added."))
                .when().post("/v1/partnerships/{id}/renewals", id).then().statusCode(201)
                .header("Location", containsString("/v1/partnerships/" + id + "/renewals/"))
                .body("previousValidUntil", equalTo(TODAY.minusDays(3).toString()))
                .body("validUntil", equalTo(TODAY.plusYears(5).toString()))
                .extract().path("id");
        Response renewed = api().when().get("/v1/partnerships/{id}", id);
        renewed.then().statusCode(200).body("agreementStatus", equalTo("IN_FORCE")).body("renewalCount", equalTo(1))
                .body("validUntil", equalTo(TODAY.plusYears(5).toString()));
        assertNotEquals(tag, renewed.header("ETag"));
        api().when().get("/v1/partnerships/{id}/renewals/{renewal}", id, renewal).then().statusCode(200)
                .body("note", equalTo("Renewed with a youth exchange added."));

        // Renewed again, open-ended: then there is nothing left to renew.
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(new HashMap<>(Map.of("renewedOn", TODAY.toString())) {
                    {
                        put("validUntil", null);
                    }
                }).when().post("/v1/partnerships/{id}/renewals", id).then().statusCode(201)
                .body("validUntil", nullValue());
        api().when().get("/v1/partnerships/{id}/renewals", id).then().statusCode(200)
                .body("items.previousValidUntil", equalTo(List.of(TODAY.plusYears(5).toString(),
                        TODAY.minusDays(3).toString())));
        api().when().get("/v1/partnerships/{id}", id).then().body("agreementStatus", equalTo("OPEN_ENDED"))
                .body("renewalCount", equalTo(2));
        api(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("renewedOn", TODAY.toString(), "validUntil", TODAY.plusYears(9).toString()))
                .when().post("/v1/partnerships/{id}/renewals", id).then().statusCode(409)
                .body("detail", containsString("open-ended"));
        api().when().get("/v1/partnerships/{id}/renewals/{renewal}", id, java.util.UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void onlyTheCitiesGovernmentsAndOperatorsRenew() {
        String id = tie(Cities.newId("ID"), "2020-01-01", null, TODAY.plusYears(1).toString()).path("id");
        api(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("renewedOn", TODAY.toString(), "validUntil", TODAY.plusYears(6).toString()))
                .when().post("/v1/partnerships/{id}/renewals", id).then().statusCode(403);
        api().when().get("/v1/partnerships/{id}", id).then().body("renewalCount", equalTo(0));
    }

    private static void equal(String expected, String actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
