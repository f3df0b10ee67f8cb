package dev.zipper.http;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail: what went wrong, as application/problem+json. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final int MAX_DETAIL = 500;

    private Problem() {
    }

    /** A response ready to send, to which headers (Allow, Retry-After) may still be added. */
    public static Response.ResponseBuilder builder(ProblemType type, String detail) {
        return Response.status(type.status()).type(MEDIA_TYPE).entity(json(type, detail));
    }

    /** The body alone, for the few places that write a response without JAX-RS. */
    public static String json(ProblemType type, String detail) {
        String said = detail == null ? type.title() : detail;
        return JsonObjects.object()
                .add("type", type.uri())
                .add("title", type.title())
                .add("status", type.status())
                // a detail may quote the request back: bounded, so a huge request cannot make a huge answer
                .add("detail", said.length() > MAX_DETAIL ? said.substring(0, MAX_DETAIL) + "..." : said)
                .build().toString();
    }
}
