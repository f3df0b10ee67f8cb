package dev.zipper.http;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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

    /** Writes a problem made by {@link #builder}, with its headers, where there is no JAX-RS (a servlet, a filter). */
    public static void write(HttpServletResponse servlet, Response problem) throws IOException {
        byte[] body = ((String) problem.getEntity()).getBytes(StandardCharsets.UTF_8);
        servlet.setStatus(problem.getStatus());
        problem.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> servlet.addHeader(name, value));
            }
        });
        servlet.setContentType(MEDIA_TYPE);
        servlet.setContentLength(body.length);
        servlet.getOutputStream().write(body);
    }

    /** The body alone. */
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
