package org.citylinks.common;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem body, as the contract's {@code Problem} schema describes it. Written by hand
 * rather than generated so that absent members are left out instead of being sent as {@code null}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
        List<String> allowedTransitions, Map<String, Long> referencedBy) {

    /** The contract bounds {@code errors}; the detail still counts every offending field. */
    public static final int MAX_ERRORS = 100;

    public Problem {
        if (errors != null && errors.size() > MAX_ERRORS) {
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
    }

    /** One offending part of a request: a body field by JSON Pointer, or a parameter by name. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String pointer, String parameter, String message) {

        public static FieldError atPointer(String pointer, String message) {
            return new FieldError(pointer, null, message);
        }

        public static FieldError atParameter(String parameter, String message) {
            return new FieldError(null, parameter, message);
        }
    }
}
