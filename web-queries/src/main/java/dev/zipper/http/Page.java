package dev.zipper.http;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, by key: {@code limit} items (default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}) whose keys come after {@code after}. The answer is {@code {"items": [...],
 * "next": url}}, with the same url in a {@code Link: rel="next"} header; no next on the last page.
 * Keys instead of offsets: a page is as cheap at the end of a long list as at its start, and rows added
 * meanwhile do not shift it.
 */
public record Page(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final int MAX_KEY = 200;

    /** From the request's {@code limit} and {@code after} parameters, refused with a 400 when out of range. */
    public static Page of(String limit, String after) {
        return new Page(QueryParameters.integer("limit", limit, 1, MAX_LIMIT).orElse(DEFAULT_LIMIT),
                QueryParameters.text("after", after, MAX_KEY));
    }

    /**
     * The answer for the rows a query returned when asked for {@code limit + 1} of them: the extra row
     * only tells that there is a next page, found at {@code list} (the list's address with its filters).
     */
    public <T> Response answer(List<T> rows, Function<T, String> key, Function<T, JsonObject> json, UriBuilder list) {
        JsonArrayBuilder items = JsonObjects.array();
        rows.stream().limit(limit).map(json).forEach(items::add);
        var body = JsonObjects.object().add("items", items);
        Response.ResponseBuilder response = Response.ok();
        if (rows.size() > limit) {
            // encoded here: UriBuilder would take a brace in a key for a template
            var next = list.queryParam("limit", limit)
                    .queryParam("after", URLEncoder.encode(key.apply(rows.get(limit - 1)), StandardCharsets.UTF_8))
                    .buildFromEncoded();
            body.add("next", next.toString());
            response.links(Link.fromUri(next).rel("next").build());
        }
        return response.entity(body.build().toString()).build();
    }
}
