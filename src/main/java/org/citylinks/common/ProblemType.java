package org.citylinks.common;

import java.net.URI;

/** The kinds of problem CityLinks answers with; the README lists them for clients. */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    TRANSITION_NOT_ALLOWED(409, "transition-not-allowed", "This status change is not allowed"),
    STILL_REFERENCED(409, "still-referenced", "Other resources still refer to this one"),
    LENGTH_REQUIRED(411, "length-required", "Content-Length is required"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request target is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    VALIDATION_FAILED(422, "validation-failed", "The request content is not valid"),
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match is required"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    private static final String BASE = "https://citylinks.org/problems/";

    private final int status;
    private final URI uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
