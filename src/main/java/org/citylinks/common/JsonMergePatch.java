package org.citylinks.common;

import java.util.Iterator;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** Carries the Jackson failure of a merged body to the problem mapper unchanged. */
    public static class MergedBodyException extends RuntimeException {
        public MergedBodyException(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause, false, false);
        }
    }
}
