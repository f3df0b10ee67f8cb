package dev.zipper.http;

import jakarta.ws.rs.WebApplicationException;

/**
 * A request refused before it reaches a command or a query (an unreadable body, a bad parameter). A
 * WebApplicationException, so that JAX-RS passes it on as it is from wherever it is thrown, even from a
 * message body reader, on every server.
 */
public class RequestRefused extends WebApplicationException {

    public RequestRefused(ProblemType type, String detail) {
        super(detail, type.response(detail));
    }
}
