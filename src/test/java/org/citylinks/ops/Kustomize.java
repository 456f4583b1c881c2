package org.citylinks.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a kustomization the way {@code kubectl apply -k} does, for the features the manifests
 * use: {@code resources} (files and kustomization directories), {@code patches} (strategic merge
 * patches, matched by kind and name; lists of named items merge by name) and {@code images}. It is
 * not kustomize; the test also checks that no kustomization uses a feature it does not know.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> KNOWN = List.of("apiVersion", "kind", "resources", "patches", "images");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        ObjectNode kustomization = read(directory.resolve("kustomization.yaml")).get(0);
        for (Iterator<String> fields = kustomization.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            if (!KNOWN.contains(field)) {
                throw new IllegalStateException(directory + " uses " + field + ", which this renderer does not know");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : read(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            for (ObjectNode change : read(directory.resolve(patch.path("path").asText()))) {
                ObjectNode target = objects.stream()
                        .filter(o -> o.path("kind").equals(change.path("kind"))
                                && o.path("metadata").path("name").equals(change.path("metadata").path("name")))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("a patch in " + directory + " matches nothing: "
                                + change.path("kind").asText() + " " + change.path("metadata").path("name").asText()));
                merge(target, change);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode object : objects) {
                for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
                    String current = container.path("image").asText();
                    String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                    if (name.equals(image.path("name").asText())) {
                        ((ObjectNode) container).put("image", image.path("newName").asText(name) + ":"
                                + image.path("newTag").asText("latest"));
                    }
                }
            }
        }
        return objects;
    }

    /** The documents of a YAML file, as objects. */
    static List<ObjectNode> read(Path file) {
        try (MappingIterator<ObjectNode> documents = YAML.readerFor(ObjectNode.class).readValues(file.toFile())) {
            List<ObjectNode> all = new ArrayList<>();
            while (documents.hasNext()) {
                all.add(documents.next());
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = target.get(field.getKey());
            JsonNode change = field.getValue();
            if (current instanceof ObjectNode currentObject && change instanceof ObjectNode changeObject) {
                merge(currentObject, changeObject);
            } else if (current instanceof ArrayNode currentList && change instanceof ArrayNode changeList && named(changeList)) {
                for (JsonNode item : changeList) {
                    JsonNode same = null;
                    for (JsonNode existing : currentList) {
                        if (existing.path("name").equals(item.path("name"))) {
                            same = existing;
                        }
                    }
                    if (same instanceof ObjectNode sameObject) {
                        merge(sameObject, (ObjectNode) item);
                    } else {
                        currentList.add(item);
                    }
                }
            } else {
                target.set(field.getKey(), change);
            }
        }
    }

    private static boolean named(ArrayNode list) {
        for (JsonNode item : list) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return !list.isEmpty();
    }
}
