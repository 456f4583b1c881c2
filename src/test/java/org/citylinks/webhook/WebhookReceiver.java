package org.citylinks.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a loopback port, as a partner would write one: it checks each delivery's
 * Standard Webhooks signature against the secrets it was given (its own implementation of the
 * specification, not the service's), and answers with the status the test sets.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and whether its signature held for one of the secrets. */
    public record Received(String id, long timestamp, String signatures, String body, boolean verified,
            Instant arrivedAt, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile CountDownLatch hold;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public WebhookReceiver trust(String secret) {
        secrets.add(secret);
        return this;
    }

    /** The status the next requests are answered with. */
    public void answer(int code) {
        status.set(code);
    }

    /** Holds every request unanswered until {@link #release()}: a receiver mid-delivery. */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch latch = hold;
        hold = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Every request so far. */
    public List<Received> all() {
        return new ArrayList<>(received);
    }

    /** The requests it acknowledged (answered 2xx). */
    public List<Received> acknowledged() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    /** How many requests have arrived, answered or still held. */
    public int arrived() {
        return arrived.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrived.incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        String text = new String(body, StandardCharsets.UTF_8);
        boolean verified = verify(id, timestamp, signatures, text);
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int code = status.get();
        received.add(new Received(id, timestamp == null ? 0 : Long.parseLong(timestamp), signatures, text, verified,
                Instant.now(), latch != null ? -1 : code));
        exchange.sendResponseHeaders(code, -1);
        exchange.close();
    }

    /** The check of the specification: some {@code v1,} signature is the HMAC of id.timestamp.body. */
    private boolean verify(String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false; // the tolerance a receiver applies against replayed requests
        }
        for (String secret : secrets) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String signature : signatures.split(" ")) {
                    if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                            Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
