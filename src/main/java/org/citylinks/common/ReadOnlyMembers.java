package org.citylinks.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The representation's read-only members in a request body, as the contract marks them
 * ({@code readOnly: true} in the input and patch schemas). Most web and mobile clients read a
 * resource, change a field and send the whole body back: such a member is accepted on PUT and PATCH
 * when it equals the current value (it changes nothing), and is a 422 naming it when it differs; on
 * POST there is nothing for it to equal, so it is a 422 too. Members the contract does not list are
 * still refused as unknown. Items of a list (a conference's participants, a proposal's programmes)
 * are matched to the current ones by the key the contract names in {@code x-citylinks-item-key};
 * a member marked {@code x-citylinks-ignored} (a search's {@code distanceKm}) is accepted and ignored.
 */
@Singleton
public class ReadOnlyMembers {

    private static final String ITEM_KEY = "x-citylinks-item-key";
    /** A read-only member that says nothing about the resource (a search's distance): accepted, never compared. */
    private static final String IGNORED = "x-citylinks-ignored";
    private final JsonNode schemas;

    @Inject
    ObjectMapper mapper;

    public ReadOnlyMembers() {
        try (InputStream contract = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/openapi.yaml")) {
            if (contract == null) {
                throw new IllegalStateException("META-INF/openapi.yaml (the contract) is not on the class path");
            }
            schemas = new YAMLMapper().readTree(contract).path("components").path("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A create: no read-only member may be sent. {@code input} is a generated input model. */
    public void refuse(Object input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        walk(schemaOf(input), mapper.valueToTree(input), null, "", errors, true);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * A replacement: every read-only member sent must equal the current representation's, which is
     * only read when there is one to compare.
     */
    public void requireUnchanged(Object input, Supplier<Object> current) {
        check(schemaOf(input), mapper.valueToTree(input), current);
    }

    /** As {@link #requireUnchanged(Object, Supplier)}, for a body read as a tree (a merge patch) of {@code schema}. */
    public void requireUnchanged(String schema, JsonNode body, Supplier<Object> current) {
        check(schemas.path(schema), body, current);
    }

    private void check(JsonNode schema, JsonNode body, Supplier<Object> current) {
        if (!hasReadOnly(schema, body)) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        walk(schema, body, mapper.valueToTree(current.get()), "", errors, false);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private JsonNode schemaOf(Object input) {
        String name = input.getClass().getSimpleName();
        return schemas.path(name.endsWith("Dto") ? name.substring(0, name.length() - 3) : name);
    }

    /** Whether any read-only member is present in {@code body}, at any depth. */
    private boolean hasReadOnly(JsonNode schema, JsonNode body) {
        if (body == null || !body.isObject()) {
            return false;
        }
        var properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            var property = properties.next();
            JsonNode value = body.get(property.getKey());
            if (absent(value)) {
                continue;
            }
            if (property.getValue().path(IGNORED).asBoolean(false)) {
                continue;
            }
            if (property.getValue().path("readOnly").asBoolean(false)) {
                return true;
            }
            JsonNode items = referenced(property.getValue().path("items"));
            if (value.isArray() && items != null) {
                for (JsonNode item : value) {
                    if (hasReadOnly(items, item)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void walk(JsonNode schema, JsonNode body, JsonNode current, String pointer, List<Problem.FieldError> errors,
            boolean creating) {
        if (body == null || !body.isObject()) {
            return;
        }
        var properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            var property = properties.next();
            String name = property.getKey();
            JsonNode value = body.get(name);
            if (absent(value)) {
                continue;
            }
            if (property.getValue().path(IGNORED).asBoolean(false)) {
                continue;
            }
            String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
            if (property.getValue().path("readOnly").asBoolean(false)) {
                if (creating || current == null) {
                    errors.add(Problem.FieldError.atPointer(at, "is set by the service; leave it out"));
                } else if (!same(value, current.get(name))) {
                    errors.add(Problem.FieldError.atPointer(at, "is read-only and is not the current value;"
                            + " leave it out, or send it as the service returned it"));
                }
                continue;
            }
            JsonNode items = referenced(property.getValue().path("items"));
            if (value.isArray() && items != null) {
                String key = property.getValue().path(ITEM_KEY).asText(null);
                JsonNode currentItems = current == null ? null : current.get(name);
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    walk(items, item, key == null ? null : matching(currentItems, key, item.get(key)),
                            at + "/" + i, errors, creating);
                }
            }
        }
    }

    /**
     * Left out: missing, null, or an empty list. The generated models start every list empty, so a
     * bound body cannot tell an empty read-only list from none; either changes nothing.
     */
    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || (value.isArray() && value.isEmpty());
    }

    private static JsonNode matching(JsonNode currentItems, String key, JsonNode keyValue) {
        if (currentItems == null || !currentItems.isArray() || keyValue == null) {
            return null;
        }
        for (JsonNode item : currentItems) {
            if (same(keyValue, item.get(key))) {
                return item;
            }
        }
        return null;
    }

    private JsonNode referenced(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? null : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** JSON equality, numbers by value (12 and 12.0 are the same number). */
    private static boolean same(JsonNode sent, JsonNode current) {
        if (current == null || current.isNull()) {
            return sent == null || sent.isNull();
        }
        return sent.equals((a, b) -> a.equals(b) || (a.isNumber() && b.isNumber()
                && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1, current);
    }
}
