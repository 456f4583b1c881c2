package org.citylinks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The README's dev command on a fresh machine starts its database with {@code bin/dev-postgres},
 * which unpacks the PostgreSQL binaries the first time. The other tests run with binaries their
 * own class path unpacked already, so this one gives the script a directory of its own: it once
 * failed there alone, when the unpacking library gained a dependency the script's class path lacked.
 */
class DevPostgresScriptIT {

    @Test
    void theDevDatabaseStartsInAnEmptyDirectoryAndStops() throws Exception {
        Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dev-postgres-");
        Result started = run("start", base);
        assertEquals(0, started.exitCode(), started.output());
        String url = started.output().lines().filter(line -> line.startsWith("jdbc:postgresql://")).findFirst()
                .orElseThrow(() -> new AssertionError("no JDBC URL printed:\n" + started.output()));
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                ResultSet result = connection.createStatement().executeQuery("SHOW server_encoding")) {
            assertTrue(result.next());
            assertEquals("UTF8", result.getString(1), "text is stored as UTF-8");
        } finally {
            Result stopped = run("stop", base);
            assertEquals(0, stopped.exitCode(), stopped.output());
        }
        assertFalse(Files.exists(base.resolve("data").resolve("postmaster.pid")), "the server stopped");
        assertFalse(started.output().contains("ERROR"), started.output());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String command, Path base) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("bin/dev-postgres", command, base.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/dev-postgres " + command + " did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}
