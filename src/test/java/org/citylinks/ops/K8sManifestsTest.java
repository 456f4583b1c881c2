package org.citylinks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.citylinks.common.EmbeddedPostgresResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Renders each kustomization in {@code k8s/}, validates every object against the Kubernetes v1.36
 * (and CloudNativePG) JSON schemas, and checks the manifests against the service they run: ports,
 * probe paths, labels, images, configuration names, security settings and shutdown timing.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class K8sManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Map<String, String> SCHEMAS = Map.of(
            "apps/v1/Deployment", "deployment-apps-v1.json",
            "v1/Service", "service-v1.json",
            "v1/ConfigMap", "configmap-v1.json",
            "v1/Secret", "secret-v1.json",
            "v1/ServiceAccount", "serviceaccount-v1.json",
            "autoscaling/v2/HorizontalPodAutoscaler", "horizontalpodautoscaler-autoscaling-v2.json",
            "policy/v1/PodDisruptionBudget", "poddisruptionbudget-policy-v1.json",
            "networking.k8s.io/v1/NetworkPolicy", "networkpolicy-networking-v1.json",
            "postgresql.cnpg.io/v1/Cluster", "cnpg-cluster-v1.json");
    private static final Map<String, JsonSchema> LOADED = new HashMap<>();

    @ParameterizedTest
    @ValueSource(strings = { "base", "postgres", "overlays/jvm", "overlays/native", "overlays/dev" })
    void everyObjectIsValidForItsKind(String kustomization) throws IOException {
        Path directory = K8S.resolve(kustomization);
        assertValid(schema("kustomization.json"), Kustomize.read(directory.resolve("kustomization.yaml")).get(0),
                directory + "/kustomization.yaml");
        List<ObjectNode> objects = Kustomize.render(directory);
        assertFalse(objects.isEmpty());
        for (ObjectNode object : objects) {
            String kind = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
            String file = SCHEMAS.get(kind);
            assertTrue(file != null, "no schema for " + kind);
            assertValid(schema(file), object, kustomization + ": " + kind + " " + object.path("metadata").path("name").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/jvm", "overlays/native", "overlays/dev" })
    void theManifestsFitTheService(String overlay) throws IOException {
        List<ObjectNode> objects = Kustomize.render(K8S.resolve(overlay));
        JsonNode deployment = only(objects, "Deployment");
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode container = pod.path("spec").path("containers").get(0);

        // The Service reaches the pods, on the port the service listens on.
        JsonNode service = only(objects, "Service");
        service.path("spec").path("selector").fields().forEachRemaining(label -> assertEquals(label.getValue(),
                pod.path("metadata").path("labels").path(label.getKey()), "Service selector " + label.getKey()));
        int httpPort = productionHttpPort();
        JsonNode port = container.path("ports").get(0);
        assertEquals(httpPort, port.path("containerPort").asInt(), "container port");
        assertEquals(port.path("name").asText(), service.path("spec").path("ports").get(0).path("targetPort").asText());
        assertEquals(httpPort, only(objects, "NetworkPolicy").path("spec").path("ingress").get(0).path("ports").get(0)
                .path("port").asInt(), "NetworkPolicy ingress port");

        // Every probe asks a health path the service answers.
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = container.path(probe).path("httpGet").path("path").asText();
            assertTrue(path.startsWith("/q/health/"), probe + " " + path);
            assertEquals(port.path("name").asText(), container.path(probe).path("httpGet").path("port").asText());
            RestAssured.given().when().get(path).then().statusCode(200);
        }

        // The image is the overlay's.
        JsonNode image = Kustomize.read(K8S.resolve(overlay).resolve("kustomization.yaml")).get(0).path("images");
        if (!image.isMissingNode()) {
            assertEquals(image.get(0).path("newName").asText() + ":" + image.get(0).path("newTag").asText(),
                    container.path("image").asText());
        } else {
            assertTrue(container.path("image").asText().startsWith("registry.example.org/citylinks:"));
        }

        // Every environment variable named is one the service reads (its README table lists them).
        Set<String> documented = documentedVariables();
        Set<String> named = new HashSet<>();
        only(objects, "ConfigMap").path("data").fieldNames().forEachRemaining(named::add);
        only(objects, "Secret").path("stringData").fieldNames().forEachRemaining(named::add);
        container.path("env").forEach(variable -> named.add(variable.path("name").asText()));
        named.removeAll(documented);
        assertEquals(Set.of(), named, "variables the service does not read");
        for (JsonNode source : container.path("envFrom")) {
            String name = source.has("configMapRef") ? source.path("configMapRef").path("name").asText()
                    : source.path("secretRef").path("name").asText();
            assertTrue(objects.stream().anyMatch(o -> o.path("metadata").path("name").asText().equals(name)), name);
        }

        // The database Secret is the one CloudNativePG writes for the Cluster, and policy lets the pods reach it.
        String cluster = only(objects, "Cluster").path("metadata").path("name").asText();
        // The reads' replica, where one is named, is the Cluster's read-only Service.
        container.path("env").forEach(variable -> {
            if (variable.path("name").asText().equals("QUARKUS_DATASOURCE_REPLICA_JDBC_URL")) {
                String url = variable.path("value").asText();
                assertTrue(url.isEmpty() || url.startsWith("jdbc:postgresql://" + cluster + "-ro:"), url);
            } else {
                assertEquals(cluster + "-app", variable.path("valueFrom").path("secretKeyRef").path("name").asText());
            }
        });
        assertEquals(cluster, only(objects, "NetworkPolicy").path("spec").path("egress").get(0).path("to").get(0)
                .path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText());

        // Restricted security: non-root, read-only root, nothing escalated, no capabilities, no token.
        JsonNode security = container.path("securityContext");
        assertTrue(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean());
        assertEquals("RuntimeDefault", pod.path("spec").path("securityContext").path("seccompProfile").path("type").asText());
        assertTrue(pod.path("spec").path("securityContext").path("runAsUser").asInt() > 0, "a numeric non-root user");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", security.path("capabilities").path("drop").get(0).asText());
        assertFalse(pod.path("spec").path("automountServiceAccountToken").asBoolean(true));
        assertFalse(only(objects, "ServiceAccount").path("automountServiceAccountToken").asBoolean(true));
        assertTrue(container.path("resources").path("requests").has("memory"));
        assertTrue(container.path("resources").path("limits").has("memory"));

        // Rollouts and drains keep capacity; shutdown fits in the grace period.
        assertEquals(0, deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1));
        if (!overlay.endsWith("dev")) {
            assertTrue(deployment.path("spec").path("replicas").asInt() >= 2);
            assertTrue(only(objects, "HorizontalPodAutoscaler").path("spec").path("minReplicas").asInt() >= 2);
        }
        long preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong();
        long drain = Duration.parse("PT" + only(objects, "ConfigMap").path("data").path("QUARKUS_SHUTDOWN_TIMEOUT").asText())
                .toSeconds();
        assertTrue(preStop > 0 && preStop + drain < pod.path("spec").path("terminationGracePeriodSeconds").asLong(),
                "preStop " + preStop + " s + shutdown " + drain + " s must fit in the grace period");
    }

    /** The port the packaged service listens on: Quarkus' 8080 unless the configuration says otherwise. */
    private static int productionHttpPort() throws IOException {
        Matcher set = Pattern.compile("(?m)^(?:%prod\\.)?quarkus\\.http\\.port=(\\d+)")
                .matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        return set.find() ? Integer.parseInt(set.group(1)) : 8080;
    }

    private static JsonNode only(List<ObjectNode> objects, String kind) {
        List<ObjectNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "objects of kind " + kind);
        return found.get(0);
    }

    /** The environment variables of the README's configuration table. */
    private static Set<String> documentedVariables() throws IOException {
        Set<String> names = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)` \\|").matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    private static JsonSchema schema(String file) {
        return LOADED.computeIfAbsent(file, name -> {
            try (InputStream in = K8sManifestsTest.class.getResourceAsStream("/k8s-schemas/" + name)) {
                ObjectNode node = (ObjectNode) new ObjectMapper().readTree(in);
                node.remove("$schema"); // "http://json-schema.org/schema#" names no draft; these use draft-07 keywords
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertValid(JsonSchema schema, JsonNode object, String what) {
        Set<ValidationMessage> problems = schema.validate(object);
        assertEquals(Set.of(), problems.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet()), what);
    }
}
