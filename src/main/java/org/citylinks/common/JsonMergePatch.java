package org.citylinks.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7396 JSON merge patch over a resource's writable representation. */
@ApplicationScoped
public class JsonMergePatch {

    @Inject
    ObjectMapper mapper;

    @Inject
    jakarta.validation.Validator validator;

    /**
     * Patches {@code current} and reads the result back as {@code type}, checked against the
     * contract's constraints. A field of the wrong type or an unknown field fails as the same
     * request body would fail on PUT (400 with its pointer), a broken constraint with a 422.
     */
    public <T> T apply(T current, ObjectNode patch, Class<T> type) {
        JsonNode target = mapper.valueToTree(current);
        JsonNode merged = merge(target, patch);
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new MergedBodyException(e);
        }
        java.util.Set<jakarta.validation.ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(ConstraintViolations.ofBody(violations));
        }
        return result;
    }

    /**
     * The RFC 7396 merge of {@code patch} into {@code target}, by Jakarta JSON Processing's
     * implementation (Parsson). The trees cross between Jackson and JSON-P as text: what the
     * request said was checked when Jackson read it, and is checked again when the result is read
     * as the input model.
     */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        try {
            JsonValue merged = Json.createMergePatch(jsonp(patch)).apply(jsonp(target == null ? NullNode.getInstance() : target));
            return TREES.readTree(merged.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A merged tree could not be read back", e);
        }
    }

    private static final ObjectMapper TREES = new ObjectMapper();

    private static JsonValue jsonp(JsonNode node) throws JsonProcessingException {
        try (JsonReader reader = Json.createReader(new java.io.StringReader(TREES.writeValueAsString(node)))) {
            return reader.readValue();
        }
    }

    /** Carries the Jackson failure of a merged body to the problem mapper unchanged. */
    public static class MergedBodyException extends RuntimeException {
        public MergedBodyException(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause, false, false);
        }
    }
}
