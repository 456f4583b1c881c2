package org.citylinks.common;

import static org.citylinks.common.Api.api;
import static org.citylinks.common.Api.invalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.citylinks.city.Cities;
import org.citylinks.devdb.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Reads served by a real streaming replica (a hot standby of the tests' PostgreSQL, started by
 * EmbeddedPostgresResource): reads go to it, a client reads its own writes by sending back the
 * position its write was answered with, even while the replica lags, and reads fall back to the
 * primary when the replica goes away and return to it when it is back.
 */
@QuarkusTest
@TestProfile(ReadReplicaProfile.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ReadReplicaTest {

    private static final String HEADER = "Consistency-Position";
    private static final Pattern POSITION = Pattern.compile("[0-9A-F]{1,8}/[0-9A-F]{1,8}");

    @BeforeEach
    void replicaIsUp() {
        assumeTrue(EmbeddedPostgresResource.embedded(), "needs the embedded PostgreSQL and its replica");
        Eventually.passesWithin(Duration.ofSeconds(30), () -> assertTrue(readsByReplicaAfterOneRead() < readsByReplica()));
    }

    @Test
    void aClientReadsItsOwnWriteWhileTheReplicaLags() throws SQLException {
        setReplay(false);
        try {
            Response created = Cities.create("Pekalongan", "ID");
            created.then().statusCode(201);
            String position = created.header(HEADER);
            assertTrue(position != null && POSITION.matcher(position).matches(), "the write's position: " + position);
            String path = "/v1/cities/" + created.path("id");

            // The replica has not replayed the write: a read without the position is a moment behind.
            api().when().get(path).then().statusCode(404);
            // With the position it is served by the primary, which holds the write.
            double replicaReads = readsByReplica();
            api().header(HEADER, position).when().get(path).then().statusCode(200).body("name", equalTo("Pekalongan"));
            assertEquals(replicaReads, readsByReplica(), "a replica behind the position served the read");
        } finally {
            setReplay(true);
        }
        Response again = Cities.create("Chiang Mai", "TH");
        String path = "/v1/cities/" + again.path("id");
        // Once replayed, the same read with the position is the replica's.
        Eventually.passesWithin(Duration.ofSeconds(30), () -> api().when().get(path).then().statusCode(200));
        double replicaReads = readsByReplica();
        api().header(HEADER, again.header(HEADER)).when().get(path).then().statusCode(200).body("name", equalTo("Chiang Mai"));
        assertEquals(replicaReads + 1, readsByReplica(), "a replica that holds the write did not serve the read");
    }

    @Test
    void everyKindOfReadIsServedByTheReplica() {
        String cityId = Cities.create("Denpasar", "ID").path("id");
        String darwin = Cities.create("Darwin", "AU").path("id");
        Eventually.passesWithin(Duration.ofSeconds(30), () -> api().when().get("/v1/cities/" + darwin).then().statusCode(200));
        List<String> reads = List.of("/v1/cities", "/v1/cities?q=Denpasar", "/v1/cities/" + cityId,
                "/v1/cities/" + cityId + "/partners", "/v1/cities/" + cityId + "/timeline",
                "/v1/cities/" + cityId + "/partner-suggestions", "/v1/visits", "/v1/conferences", "/v1/proposals",
                "/v1/partnerships", "/v1/partnerships/map", "/v1/organizations", "/v1/changes", "/v1/search?q=Darwin");
        for (String read : reads) {
            double before = readsByReplica();
            api(TestTokens.operator()).when().get(read).then().statusCode(200);
            assertEquals(before + 1, readsByReplica(), () -> read + " was not served by the replica");
        }
        RestAssured.given().when().get("/v1/cities/" + cityId + "/calendar.ics").then().statusCode(200);
    }

    @Test
    void readsFallBackToThePrimaryWhenTheReplicaGoesAwayAndReturnWhenItIsBack() {
        String path = "/v1/cities/" + Cities.create("Ambon", "ID").path("id");
        Eventually.passesWithin(Duration.ofSeconds(30), () -> api().when().get(path).then().statusCode(200));
        EmbeddedPostgresResource.stopReplica();
        try {
            // A read already on its way to the replica may fail, as a prompt 503 asking for a retry
            // at once; after that the primary serves every read.
            Eventually.passesWithin(Duration.ofSeconds(10), () -> {
                Response read = api().when().get(path);
                if (read.statusCode() == 503) {
                    read.then().contentType("application/problem+json").header("Retry-After", "1");
                }
                read.then().statusCode(200);
            });
            for (int i = 0; i < 20; i++) {
                api().when().get(path).then().statusCode(200).body("name", equalTo("Ambon"));
            }
            api(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("name", "Metz", "countryCode", "FR"))
                    .when().post("/v1/cities").then().statusCode(201);
            RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            EmbeddedPostgresResource.startReplica();
        }
        Eventually.passesWithin(Duration.ofSeconds(30), () -> assertTrue(readsByReplicaAfterOneRead() < readsByReplica()));
    }

    @Test
    void aPositionThatIsNotOneIsRefused() {
        invalidRequest().header(HEADER, "yesterday").when().get("/v1/cities").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo(HEADER));
    }

    /** Reads one city list and gives the replica's count of reads before it (compare it with the count after). */
    private static double readsByReplicaAfterOneRead() {
        double before = readsByReplica();
        api().when().get("/v1/cities?limit=1").then().statusCode(200);
        return before;
    }

    private static double readsByReplica() {
        String metrics = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^citylinks_database_requests_total\\{[^}]*database=\"replica\"[^}]*\\} (\\S+)$")
                .matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /** Pauses or resumes the replica's replay of the primary's log: the lag of a busy replica, at will. */
    private static void setReplay(boolean running) throws SQLException {
        try (Connection replica = DriverManager.getConnection(EmbeddedPostgresResource.replicaJdbcUrl(),
                EmbeddedPostgres.USER, ""); Statement statement = replica.createStatement()) {
            statement.execute(running ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()");
            if (!running) {
                Eventually.passesWithin(Duration.ofSeconds(10), () -> {
                    try (var state = statement.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
                        state.next();
                        assertEquals("paused", state.getString(1));
                    } catch (SQLException e) {
                        throw new AssertionError(e);
                    }
                });
            }
        }
    }
}
