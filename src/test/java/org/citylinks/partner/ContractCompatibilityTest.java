package org.citylinks.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.citylinks.common.Sunset;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The compatibility gate. The contract's {@code info.version} follows semantic versioning; the
 * last released contract is kept as {@code openapi/released/citylinks-X.Y.Z.yaml}. Against it,
 * openapi-diff must find no breaking change unless the major version went up, and any change at
 * all needs a higher version and a CHANGELOG entry. Deprecations agree with the code that sends
 * their headers.
 */
class ContractCompatibilityTest {

    private static final Path CONTRACT = Path.of("openapi", "citylinks.yaml");
    private static final Path RELEASED = Path.of("openapi", "released");
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");
    private static final Pattern RELEASED_NAME = Pattern.compile("citylinks-(.+)\\.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Version(int major, int minor, int patch) implements Comparable<Version> {

        static Version of(String text) {
            Matcher m = SEMVER.matcher(text);
            assertTrue(m.matches(), text + " is not a semantic version MAJOR.MINOR.PATCH");
            return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch).compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    private static Version versionOf(Path contract) throws IOException {
        return Version.of(YAML.readTree(contract.toFile()).path("info").path("version").asText());
    }

    private static Path lastReleased() throws IOException {
        try (Stream<Path> files = Files.list(RELEASED)) {
            return files.filter(f -> RELEASED_NAME.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparing(f -> {
                        Matcher m = RELEASED_NAME.matcher(f.getFileName().toString());
                        m.matches();
                        return Version.of(m.group(1));
                    }))
                    .orElseThrow(() -> new AssertionError("no released contract in " + RELEASED));
        }
    }

    private static String report(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new ConsoleRender().render(diff, writer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReleasedFileIsNamedForItsVersion() throws IOException {
        Path released = lastReleased();
        assertEquals("citylinks-" + versionOf(released) + ".yaml", released.getFileName().toString());
    }

    @Test
    void aBreakingChangeNeedsANewMajorVersionAndAnyChangeANewVersion() throws IOException {
        Path released = lastReleased();
        Version before = versionOf(released);
        Version now = versionOf(CONTRACT);
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toUri().toString(), CONTRACT.toUri().toString());
        System.out.println("Contract " + before + " -> " + now + ":\n" + report(diff));
        assertTrue(now.compareTo(before) >= 0, "info.version " + now + " is lower than the released " + before);
        if (diff.isIncompatible()) {
            assertTrue(now.major() > before.major(), "breaking changes since " + before
                    + " need version " + (before.major() + 1) + ".0.0:\n" + report(diff));
        }
        if (!diff.isUnchanged()) {
            assertTrue(now.compareTo(before) > 0, "the contract changed since " + before
                    + " but info.version did not:\n" + report(diff));
        }
    }

    @Test
    void theChangelogHasAnEntryForTheVersion() throws IOException {
        String changelog = Files.readString(Path.of("CHANGELOG.md"));
        Version now = versionOf(CONTRACT);
        assertTrue(changelog.contains("\n## " + now + " "), "CHANGELOG.md has no '## " + now + " (date)' entry");
    }

    @Test
    void theGateSeesARemovedOperationAsBreaking() throws IOException {
        String released = Files.readString(lastReleased());
        int start = released.indexOf("  /v1/search:\n");
        int end = released.indexOf("\ncomponents:\n");
        assertTrue(start > 0 && end > start);
        String withoutSearch = released.substring(0, start) + released.substring(end + 1);
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, withoutSearch);
        assertTrue(diff.isIncompatible(), report(diff));
        ChangedOpenApi described = OpenApiCompare.fromContents(released,
                released.replace("summary: Search everything", "summary: Search every resource"));
        assertFalse(described.isIncompatible(), report(described));
    }

    @Test
    void deprecatedOperationsAndTheHeadersTheySendAgree() throws Exception {
        Map<String, JsonNode> deprecated = new HashMap<>();
        List<String> operationIds = new ArrayList<>();
        JsonNode contract = YAML.readTree(CONTRACT.toFile());
        contract.path("paths").forEach(item -> item.forEach(operation -> {
            if (operation.has("operationId")) {
                operationIds.add(operation.get("operationId").asText());
                if (operation.path("deprecated").asBoolean()) {
                    deprecated.put(operation.get("operationId").asText(), operation);
                }
            }
        }));
        Map<String, Sunset> annotated = new HashMap<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                Sunset sunset = method.getAnnotation(Sunset.class);
                if (sunset != null) {
                    assertTrue(operationIds.contains(method.getName()), method + " is not an operation of the contract");
                    annotated.put(method.getName(), sunset);
                }
            }
        }
        assertEquals(deprecated.keySet(), annotated.keySet(), "operations deprecated in the contract vs @Sunset");
        deprecated.forEach((operationId, operation) -> {
            Sunset sunset = annotated.get(operationId);
            assertNotNull(sunset);
            assertEquals(operation.path("x-deprecated-on").asText(), sunset.deprecatedOn(), operationId);
            assertEquals(operation.path("x-sunset").asText(), sunset.sunsetOn(), operationId);
            assertTrue(operation.path("description").asText().contains(sunset.sunsetOn()),
                    operationId + "'s description gives its sunset");
        });
    }

    private static List<Class<?>> resources() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/citylinks"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Resource.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                found.add(Class.forName(name));
            }
        }
        assertFalse(found.isEmpty());
        return found;
    }
}
