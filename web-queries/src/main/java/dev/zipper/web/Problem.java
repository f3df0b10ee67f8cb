package dev.zipper.web;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail: what went wrong, as application/problem+json. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response response(Response.StatusType status, String title, String detail) {
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(Json.createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", title)
                        .add("status", status.getStatusCode())
                        .add("detail", detail == null ? title : detail)
                        .build().toString())
                .build();
    }
}
