package org.citylinks.common;

import java.util.List;
import java.util.Map;

/**
 * A failure the service reports to the client as it is: the problem's type, a detail for a person,
 * and the offending fields. Services throw it; {@link ProblemMapper} turns it into the response.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private List<String> allowedTransitions = List.of();
    private Map<String, Long> referencedBy = Map.of();
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /** A response header to send with the problem (Retry-After, say). */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no " + what + " with id " + id + ".");
    }

    /** A 403 for a caller who may see the record but is not on the side that may do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** A write without {@code If-Match} (428): the one wording, whichever check notices it. */
    public static ProblemException preconditionRequired() {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send the ETag you read in an If-Match header.",
                List.of(Problem.FieldError.atParameter("If-Match", "must be present")));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, describe(errors), errors);
    }

    /** A 400 for a body member the operation does not take, as Jackson's unknown properties get. */
    public static ProblemException unknownProperty(String pointer) {
        return new ProblemException(ProblemType.INVALID_REQUEST, pointer + " is not a property of this request.",
                List.of(Problem.FieldError.atPointer(pointer, "is not a known property")));
    }

    public static ProblemException invalidParameter(String parameter, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST, parameter + " " + message,
                List.of(Problem.FieldError.atParameter(parameter, message)));
    }

    static String describe(List<Problem.FieldError> errors) {
        if (errors.size() == 1) {
            Problem.FieldError error = errors.get(0);
            String where = error.pointer() != null ? error.pointer() : error.parameter();
            return where + ": " + error.message();
        }
        return errors.size() + " fields are not valid.";
    }

    /** A 409 for a state change that is not allowed, listing the ones that are. */
    public static ProblemException transitionNotAllowed(String detail, List<String> allowed) {
        ProblemException problem = new ProblemException(ProblemType.TRANSITION_NOT_ALLOWED, detail);
        problem.allowedTransitions = List.copyOf(allowed);
        return problem;
    }

    /**
     * A 409 for a delete that would leave other resources pointing at nothing: {@code subject}
     * ("City Ambon") and how many of each kind ("visits") refer to it.
     */
    public static ProblemException stillReferenced(String subject, Map<String, Long> referencedBy) {
        List<String> parts = referencedBy.entrySet().stream().map(e -> e.getValue() + " "
                + (e.getValue() == 1 ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey())).toList();
        String kinds = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        ProblemException problem = new ProblemException(ProblemType.STILL_REFERENCED, subject + " cannot be deleted: "
                + kinds + " still refer to it. Delete or change those first.");
        problem.referencedBy = new java.util.LinkedHashMap<>(referencedBy);
        return problem;
    }

    public static ProblemException conflict(String detail, String pointer, String message) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of(Problem.FieldError.atPointer(pointer, message)));
    }

    public List<String> allowedTransitions() {
        return allowedTransitions;
    }

    public Map<String, Long> referencedBy() {
        return referencedBy;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
