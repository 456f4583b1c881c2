package org.citylinks.common;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where every failure becomes an RFC 9457 problem. Nothing from an exception's class,
 * stack or SQL reaches the client: the detail is written here, for the client.
 */
public class ProblemMapper {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final java.util.regex.Pattern MISSING_PROPERTY =
            java.util.regex.Pattern.compile("Missing required creator property '([^']+)'");

    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The body of a problem answered below JAX-RS (by a Vert.x route that refuses a request before
     * any resource sees it), in the same shape as every other.
     */
    static String json(ProblemType type, String detail, String path) {
        return json(type, detail, path, List.of());
    }

    static String json(ProblemType type, String detail, String path, List<Problem.FieldError> errors) {
        try {
            return PLAIN_JSON.writeValueAsString(new Problem(type.uri(), type.title(), type.status(), detail, path,
                    errors, null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written", e);
        }
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem problem = new Problem(e.type().uri(), e.type().title(), e.type().status(), e.getMessage(),
                uri == null ? null : uri.getPath(), new ArrayList<>(e.errors()), e.allowedTransitions(), e.referencedBy());
        Response.ResponseBuilder response = Response.status(e.type().status()).type(PROBLEM_JSON).entity(problem);
        e.headers().forEach(response::header);
        return response.build();
    }

    /**
     * A database constraint that a concurrent request won the race for: the checks before the write
     * passed, but another transaction committed the same pair, participant or reference first.
     */
    @ServerExceptionMapper
    public Response constraintBroken(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return problem(DatabaseConstraints.problem(e), uri);
    }

    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<InputRules<?>> inputRules;

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ConstraintViolations.Located> located = ConstraintViolations.ofRequest(e.getConstraintViolations());
        if (located.stream().anyMatch(l -> l.location() == ConstraintViolations.Location.IF_MATCH)) {
            return problem(ProblemException.preconditionRequired(), uri);
        }
        List<Problem.FieldError> errors = new ArrayList<>(located.stream().map(ConstraintViolations.Located::error).toList());
        for (Problem.FieldError broken : ruleViolations(e)) {
            if (!errors.contains(broken)) {
                errors.add(broken);
            }
        }
        boolean parameters = located.stream().anyMatch(l -> l.location() == ConstraintViolations.Location.PARAMETER);
        boolean missingBody = errors.stream().anyMatch(error -> "".equals(error.pointer()));
        if (missingBody) {
            return respond(ProblemType.INVALID_REQUEST, "The request needs a body.",
                    List.of(Problem.FieldError.atPointer("", "must be present")), uri);
        }
        ProblemType type = parameters ? ProblemType.INVALID_REQUEST : ProblemType.VALIDATION_FAILED;
        return respond(type, ProblemException.describe(errors), errors, uri);
    }

    /** The feature rules' violations of the body that already broke the schema, so that both are named at once. */
    private List<Problem.FieldError> ruleViolations(ConstraintViolationException e) {
        if (inputRules == null || e.getConstraintViolations().isEmpty()) {
            return List.of();
        }
        Object[] parameters = e.getConstraintViolations().iterator().next().getExecutableParameters();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Object parameter : parameters == null ? new Object[0] : parameters) {
            for (InputRules<?> rules : inputRules) {
                if (rules.inputType().isInstance(parameter)) {
                    errors.addAll(rules.violationsOf(parameter));
                }
            }
        }
        return errors;
    }

    // A ValidationException that is not a constraint violation is a bug in a constraint, not bad
    // input; without this mapper Quarkus' own would answer it with a body of its own shape.
    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        java.util.regex.Matcher duplicate = DUPLICATE_MEMBER.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String pointer = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser
                    ? parser.getParsingContext().pathAsPointer().toString() : "/" + duplicate.group(1);
            return respond(ProblemType.INVALID_REQUEST, pointer + " is given twice; send each member once.",
                    List.of(Problem.FieldError.atPointer(pointer, "is given twice")), uri);
        }
        return respond(ProblemType.INVALID_REQUEST, "The request body is not well-formed JSON.",
                List.of(Problem.FieldError.atPointer("", "is not well-formed JSON")), uri);
    }

    private static final java.util.regex.Pattern DUPLICATE_MEMBER = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return problem(ProblemException.unknownProperty(pointer(e)), uri);
    }

    // The most specific mapper wins, and Quarkus REST ships its own for some Jackson exceptions, so
    // each Jackson type gets a mapper of its own here; they all answer through wrongType().
    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper
    public Response dateOutOfRange(JsonConfiguration.DateOutOfRange e, UriInfo uri) {
        List<Problem.FieldError> errors = List.of(Problem.FieldError.atPointer(pointer(e),
                "must be a date with a four-digit year (0000 to 9999), such as 2023-04-14"));
        return respond(ProblemType.VALIDATION_FAILED, ProblemException.describe(errors), errors, uri);
    }

    @ServerExceptionMapper
    public Response repeatedItem(JsonConfiguration.RepeatedItem e, UriInfo uri) {
        String pointer = pointer(e);
        String list = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
        List<Problem.FieldError> errors = List.of(Problem.FieldError.atPointer(pointer,
                "repeats " + list + "/" + e.firstIndex() + "; each item may be listed once"));
        return respond(ProblemType.VALIDATION_FAILED, ProblemException.describe(errors), errors, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            // Refused while reading, before a member could be named: say what was too big.
            return respond(ProblemType.INVALID_REQUEST, "The request body has a value larger than the service reads"
                    + " (a number of over 1,000 digits, or nesting over 32 levels deep).",
                    List.of(Problem.FieldError.atPointer("", "has a value larger than the service reads")), uri);
        }
        return respond(ProblemType.INVALID_REQUEST, "The request body is not valid JSON for this operation.",
                List.of(Problem.FieldError.atPointer("", "is not valid JSON for this operation")), uri);
    }

    @ServerExceptionMapper
    public Response mergedBody(JsonMergePatch.MergedBodyException e, UriInfo uri) {
        if (e.getCause() instanceof JsonConfiguration.DateOutOfRange outOfRange) {
            return dateOutOfRange(outOfRange, uri);
        }
        if (e.getCause() instanceof JsonConfiguration.RepeatedItem repeated) {
            return repeatedItem(repeated, uri);
        }
        return e.getCause() instanceof JsonMappingException mapping ? wrongType(mapping, uri)
                : json((JsonProcessingException) e.getCause(), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, jakarta.ws.rs.container.ResourceInfo resource) {
        return forbidden(uri, resource);
    }

    /** Names the roles that would do: the operation's {@code @RolesAllowed}. */
    private Response forbidden(UriInfo uri, jakarta.ws.rs.container.ResourceInfo resource) {
        java.lang.reflect.Method method = resource == null ? null : resource.getResourceMethod();
        jakarta.annotation.security.RolesAllowed roles = method == null ? null
                : method.getAnnotation(jakarta.annotation.security.RolesAllowed.class);
        String detail = roles == null || roles.value().length == 0
                ? "This operation needs a role your token does not have."
                : "This operation needs a token with the " + String.join(" or ", roles.value())
                        + " role in its groups claim, which yours does not have.";
        return respond(ProblemType.FORBIDDEN, detail, List.of(), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleWrite(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleWrite(uri);
    }

    @ServerExceptionMapper
    public Response databaseUnreachable(JDBCConnectionException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    @ServerExceptionMapper
    public Response connectionUnavailable(SQLTransientConnectionException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(ProblemType.NOT_FOUND, "There is nothing at " + uri.getPath() + ".", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        java.util.Set<String> allowed = new java.util.TreeSet<>(ApiRoutes.methods(uri.getPath()));
        if (allowed.isEmpty()) {
            allowed.addAll(e.getResponse().getAllowedMethods());
        }
        Response problem = respond(ProblemType.METHOD_NOT_ALLOWED,
                "This path does not take this method. It takes " + String.join(", ", allowed) + ".", List.of(), uri);
        return Response.fromResponse(problem).allow(allowed).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(ProblemType.NOT_ACCEPTABLE, "This resource is available as application/json.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        List<String> takes = request == null ? List.of() : ApiRoutes.consumes(uri.getPath(), request.getMethod());
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, takes.isEmpty()
                ? "This operation does not take a body of this media type."
                : "This operation takes a body of media type " + String.join(" or ", takes)
                        + "; send it with that Content-Type.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonConfiguration.DateOutOfRange outOfRange) {
            return dateOutOfRange(outOfRange, uri);
        }
        if (cause instanceof JsonConfiguration.RepeatedItem repeated) {
            return repeatedItem(repeated, uri);
        }
        if (cause instanceof JsonProcessingException json) {
            return json instanceof JsonParseException parse ? malformedJson(parse, uri)
                    : json instanceof JsonMappingException mapping ? wrongType(mapping, uri) : json(json, uri);
        }
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 400 -> respond(ProblemType.INVALID_REQUEST, "The request is not valid.", List.of(), uri);
            case 401 -> unauthenticated(uri);
            case 403 -> forbidden(uri, null);
            case 404 -> notFound(null, uri);
            case 406 -> notAcceptable(null, uri);
            case 413 -> respond(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.", List.of(), uri);
            case 415 -> unsupportedMediaType(null, uri, null);
            default -> status >= 500 ? unexpected(e, uri)
                    : respondWithStatus(status, ProblemType.INVALID_REQUEST, "The request cannot be served.", uri);
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // A constraint broken at commit arrives wrapped (in a RollbackException, say).
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException broken) {
                return constraintBroken(broken, uri);
            }
            if (cause instanceof JDBCConnectionException unreachable) {
                return unavailable(unreachable, uri);
            }
            if (cause instanceof java.sql.SQLException sql && isUnavailable(sql.getSQLState())) {
                return unavailable(sql, uri);
            }
            if (cause instanceof java.sql.SQLException sql && isRolledBack(sql.getSQLState())) {
                return rolledBack(sql, uri);
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
        return respond(ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side. Quote error id " + errorId + " if you report it.", List.of(), uri);
    }

    private Response wrongType(JsonMappingException e, UriInfo uri) {
        String pointer = pointer(e);
        java.util.regex.Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof MismatchedInputException && missing.find()) {
            // Jackson enforces the contract's required properties itself, before Bean Validation
            // could; the answer must be the same as for any other required field.
            String property = "/" + missing.group(1);
            List<Problem.FieldError> errors = List.of(Problem.FieldError.atPointer(
                    pointer.endsWith(property) ? pointer : pointer + property, "must not be null"));
            return respond(ProblemType.VALIDATION_FAILED, ProblemException.describe(errors), errors, uri);
        }
        Class<?> enumType = e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum() ? format.getTargetType()
                : e instanceof ValueInstantiationException instantiation && instantiation.getType() != null
                        && instantiation.getType().getRawClass().isEnum() ? instantiation.getType().getRawClass() : null;
        String message = e instanceof UnrecognizedPropertyException ? "is not a known property"
                : enumType != null ? "must be one of " + allowedValues(enumType)
                        : e instanceof MismatchedInputException mismatch && mismatch.getTargetType() == java.time.LocalDate.class
                                ? "must be a date as a string YYYY-MM-DD, such as 2023-04-14"
                        : e instanceof ValueInstantiationException ? "is not one of the allowed values"
                                : "has the wrong type or format";
        if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            // A number of the right type that no field of the contract could hold.
            List<Problem.FieldError> errors = List.of(Problem.FieldError.atPointer(pointer,
                    "is out of the range the contract allows for it"));
            return respond(ProblemType.VALIDATION_FAILED, ProblemException.describe(errors), errors, uri);
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return respond(ProblemType.INVALID_REQUEST, "The body has more after its JSON document; send one document.",
                    List.of(Problem.FieldError.atPointer("", "has more after the JSON document")), uri);
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Lone surrogates")) {
            message = "must be valid Unicode text, without half a surrogate pair (such as \\ud800 alone)";
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("NUL characters")) {
            message = "must not contain NUL characters";
        }
        return respond(ProblemType.INVALID_REQUEST, (pointer.isEmpty() ? "The body" : pointer) + " " + message + ".",
                List.of(Problem.FieldError.atPointer(pointer, message)), uri);
    }

    /** The JSON values of a generated enum (its toString is the value the contract names). */
    private static String allowedValues(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getEnumConstants()).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED,
                "Send a valid bearer token in the Authorization header.", List.of(), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response staleWrite(UriInfo uri) {
        return respond(ProblemType.PRECONDITION_FAILED,
                "Somebody changed this resource at the same time. Read it again and retry.", List.of(), uri);
    }

    /**
     * Connection failures (class 08) and a server shutting down or restarting (57P01 to 57P03): the
     * database is away, not the request wrong.
     */
    private static boolean isUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }

    /**
     * A transaction the database undid because it met another (40001 serialization failure, 40P01
     * deadlock, such as two writers adding the same two new words to the search vocabulary in
     * opposite order): nothing was changed, and the same request succeeds when retried.
     */
    private static boolean isRolledBack(String sqlState) {
        return "40001".equals(sqlState) || "40P01".equals(sqlState);
    }

    private Response rolledBack(Exception e, UriInfo uri) {
        LOG.warnf("Transaction undone on %s: %s", uri.getPath(), e.getMessage());
        return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE,
                "The request met another at the same moment and was undone; nothing changed. Retry it.", List.of(),
                uri)).header("Retry-After", "1").build();
    }

    private Response unavailable(Exception e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getMessage());
        if (readByReplica()) {
            // The replica went away under this read: the next reads go to the primary, so a retry
            // at once is served.
            io.quarkus.arc.Arc.container().instance(ReadReplica.class).get().failed(e);
            return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE,
                    "The read replica that served this read went away; nothing changed. Retry it.", List.of(), uri))
                    .header("Retry-After", "1").build();
        }
        return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE,
                "The database cannot be reached right now. Retry shortly.", List.of(), uri))
                .header("Retry-After", "5").build();
    }

    private static boolean readByReplica() {
        if (!io.quarkus.arc.Arc.container().requestContext().isActive()) {
            return false;
        }
        try (io.quarkus.arc.InstanceHandle<ReadRequest> request = io.quarkus.arc.Arc.container().instance(ReadRequest.class)) {
            return request.get().servedByReplica();
        }
    }

    private static Response respond(ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        return respondWithStatus(type.status(), type, detail, uri, errors);
    }

    private static Response respondWithStatus(int status, ProblemType type, String detail, UriInfo uri) {
        return respondWithStatus(status, type, detail, uri, List.of());
    }

    private static Response respondWithStatus(int status, ProblemType type, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem problem = new Problem(type.uri(), type.title(), status, detail,
                uri == null ? null : uri.getPath(), new ArrayList<>(errors), null, null);
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }
}
