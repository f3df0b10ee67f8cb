package dev.zipper.http;

import jakarta.ws.rs.core.Response;

/**
 * The kinds of problem Zipper answers with, each with a stable {@code type} URI (a tag URI: an
 * identifier, not a page) that clients can switch on; the README lists them.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    ILLEGAL_TRANSITION(409, "Illegal transition"),
    CONCURRENT_CHANGE(409, "Concurrent change"),
    REQUEST_IN_PROGRESS(409, "Request in progress"),
    STILL_FAILING(409, "Still failing"),
    REBUILDING(409, "Rebuilding already"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    BODY_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    UNAVAILABLE(503, "Service unavailable"),
    INTERNAL(500, "Internal error");

    private static final String PREFIX = "tag:zipper.dev,2026:problem:";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** For example tag:zipper.dev,2026:problem:invalid-request. */
    public String uri() {
        return PREFIX + name().toLowerCase().replace('_', '-');
    }

    /** The problem as a response: application/problem+json, this type's status. */
    public Response response(String detail) {
        return Problem.builder(this, detail).build();
    }
}
