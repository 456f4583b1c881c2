package org.citylinks.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak for the tests: its own server distribution (unpacked by the build into
 * {@code target/keycloak}), started in dev mode on a free port with its dev-file database, fresh
 * each time, importing the example realm {@code keycloak/citylinks-realm.json} and a second realm,
 * {@code elsewhere}, whose tokens CityLinks must refuse. Talks to it over HTTP only: tokens from
 * its token endpoint, changes (key rotation, membership) through its admin REST API.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "citylinks";
    private static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration startTime;

    private KeycloakServer(Process process, int port, Duration startTime) {
        this.process = process;
        this.port = port;
        this.startTime = startTime;
    }

    /** Starts a fresh server and returns once its realm answers; fails after three minutes. */
    public static KeycloakServer start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.5.6")).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak's distribution is not at " + home
                    + ": the build unpacks it (mvn process-test-resources)");
        }
        try {
            Path data = home.resolve("data");
            deleteTree(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            Files.copy(Path.of("keycloak", "citylinks-realm.json"), imports.resolve("citylinks-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(Path.of("src", "test", "resources", "keycloak", "elsewhere-realm.json"),
                    imports.resolve("elsewhere-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm",
                    "--hostname-strict=false", "--log-level=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "keycloak.log").toAbsolutePath().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            long started = System.nanoTime();
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(process, port, null);
            server.awaitRealm(process, Duration.ofMinutes(3));
            return new KeycloakServer(process, port, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long the start took, to the realm's first answer. */
    public Duration startTime() {
        return startTime;
    }

    /** The issuer of the CityLinks realm: what {@code quarkus.oidc.auth-server-url} names. */
    public String issuer() {
        return issuer(REALM);
    }

    public String issuer(String realm) {
        return "http://localhost:" + port + "/realms/" + realm;
    }

    public boolean running() {
        return process.isAlive();
    }

    /** A user's access token for the web client, by the password grant (the realm's passwords are the user names). */
    public String userToken(String username) {
        return token(REALM, Map.of("grant_type", "password", "client_id", "citylinks-web", "username", username,
                "password", username));
    }

    /** The partner back-end's own token: the client-credentials grant of its service account. */
    public String serviceAccountToken() {
        return token(REALM, Map.of("grant_type", "client_credentials", "client_id", "partner-backend",
                "client_secret", "partner-backend-secret"));
    }

    /** A user's token for another application of the realm: not meant for CityLinks (no citylinks audience). */
    public String otherApplicationToken(String username) {
        return token(REALM, Map.of("grant_type", "password", "client_id", "other-app", "username", username,
                "password", username));
    }

    /** An operator's token from the other realm, with the citylinks audience: a stranger's issuer and keys. */
    public String otherRealmToken() {
        return token("elsewhere", Map.of("grant_type", "password", "client_id", "lookalike", "username", "intruder",
                "password", "intruder"));
    }

    /** The realm's current signing keys as the JWKS publishes them. */
    public JsonNode jwks() {
        return readTree(send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/certs")).GET(), 200));
    }

    /**
     * Rotates the realm's signing key: a new RSA key with a higher priority signs from now on (the
     * old one stays, passive, so tokens already issued stay valid until they expire).
     */
    public void rotateSigningKey() {
        String realmId = admin("GET", "/admin/realms/" + REALM, null).path("id").asText();
        ObjectNode component = JSON.createObjectNode();
        component.put("name", "rotated-" + System.nanoTime());
        component.put("providerId", "rsa-generated");
        component.put("providerType", "org.keycloak.keys.KeyProvider");
        component.put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add("1000");
        config.putArray("keySize").add("2048");
        config.putArray("active").add("true");
        config.putArray("enabled").add("true");
        config.putArray("algorithm").add("RS256");
        admin("POST", "/admin/realms/" + REALM + "/components", component);
    }

    /** Sets the attribute that maps a Keycloak organisation to a CityLinks organisation's id. */
    public void mapOrganization(String alias, String citylinksId) {
        JsonNode organization = organization(alias);
        ObjectNode changed = (ObjectNode) organization.deepCopy();
        changed.putObject("attributes").putArray("citylinks-id").add(citylinksId);
        admin("PUT", "/admin/realms/" + REALM + "/organizations/" + organization.path("id").asText(), changed);
    }

    /** Points the partner back-end's hard-coded organisation claim at this CityLinks organisation. */
    public void mapServiceAccount(String citylinksId) {
        JsonNode clients = admin("GET", "/admin/realms/" + REALM + "/clients?clientId=partner-backend", null);
        JsonNode client = clients.get(0);
        for (JsonNode mapper : client.path("protocolMappers")) {
            if ("oidc-hardcoded-claim-mapper".equals(mapper.path("protocolMapper").asText())) {
                ObjectNode changed = (ObjectNode) mapper.deepCopy();
                ((ObjectNode) changed.path("config")).put("claim.value", citylinksId);
                admin("PUT", "/admin/realms/" + REALM + "/clients/" + client.path("id").asText()
                        + "/protocol-mappers/models/" + mapper.path("id").asText(), changed);
                return;
            }
        }
        throw new IllegalStateException("The partner-backend client has no organisation mapper");
    }

    /** Takes a user out of an organisation, as its administrator would in Keycloak's console. */
    public void removeMember(String alias, String username) {
        String organizationId = organization(alias).path("id").asText();
        String userId = admin("GET", "/admin/realms/" + REALM + "/users?exact=true&username=" + username, null)
                .get(0).path("id").asText();
        admin("DELETE", "/admin/realms/" + REALM + "/organizations/" + organizationId + "/members/" + userId, null);
    }

    /** The key id ({@code kid}) a token's header names. */
    public static String keyId(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')))).path("kid").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode organization(String alias) {
        for (JsonNode organization : admin("GET", "/admin/realms/" + REALM + "/organizations?briefRepresentation=false", null)) {
            if (alias.equals(organization.path("alias").asText())) {
                return organization;
            }
        }
        throw new IllegalStateException("No organisation " + alias + " in the realm");
    }

    private JsonNode admin(String method, String path, JsonNode body) {
        String token = token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN,
                "password", ADMIN));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        String answer = send(request, -1);
        return answer.isBlank() ? JSON.nullNode() : readTree(answer);
    }

    private String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return readTree(send(request, 200)).path("access_token").asText();
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ok = expected < 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
            if (!ok) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.uri() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitRealm(Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting (exit " + process.exitValue()
                        + "); see target/keycloak.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Keycloak did not answer within " + timeout + "; see target/keycloak.log");
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (and waits for it), as an outage of the identity provider would. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
