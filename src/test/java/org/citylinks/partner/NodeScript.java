package org.citylinks.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/**
 * Runs one of the Node test scripts of {@code openapi/tests} against the service under test and
 * fails with the script's own output when it does. The Node tools come from
 * {@code openapi/package.json}, installed by the build ({@code openapi/tools.sh}).
 */
final class NodeScript {

    private NodeScript() {
    }

    static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    static void run(Path script, Map<String, String> environment) throws IOException, InterruptedException {
        if (!Files.exists(script)) {
            throw new IllegalStateException(script + " is missing: build with ./mvnw verify, which compiles it");
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CITYLINKS_URL", baseUrl());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, ended ? process.exitValue() : -1, script.getFileName() + " failed:\n" + output);
    }
}
