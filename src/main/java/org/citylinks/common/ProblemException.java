package org.citylinks.common;

import java.util.List;

/**
 * A failure the service reports to the client as it is: the problem's type, a detail for a person,
 * and the offending fields. Services throw it; {@link ProblemMapper} turns it into the response.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no " + what + " with id " + id + ".");
    }

    /** A write without {@code If-Match} (428): the one wording, whichever check notices it. */
    public static ProblemException preconditionRequired() {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send the ETag you read in an If-Match header.",
                List.of(Problem.FieldError.atParameter("If-Match", "must be present")));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, describe(errors), errors);
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

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
