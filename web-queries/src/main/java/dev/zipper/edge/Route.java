package dev.zipper.edge;

import dev.zipper.access.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of the API: a method and a path template under a collection ({@code carts},
 * {@code {id}/items/{sku}/remove}), what it does ({@code summary}), who may call it ({@link Access}), how
 * it runs ({@code handler}, for a {@link Call}) and how the API document describes it ({@link OperationDoc}). Matching is by segments: a
 * literal matches itself, a {@code {variable}} any one segment.
 *
 * @param template the path below the collection; empty for the collection itself
 * @param handler  null for an operation served by a JAX-RS resource of its own (the live event stream),
 *                 listed here so that the document has it
 * @param events   the sealed root of the events of the aggregate the route serves, if it serves one (so that
 *                 the API can show any event of the log in its current shape); null otherwise
 */
public record Route(String method, String collection, String template, String summary, Access access,
                    Handler handler, OperationDoc doc, Class<?> events) {

    public Route(String method, String collection, String template, String summary, Access access, Handler handler,
                 OperationDoc doc) {
        this(method, collection, template, summary, access, handler, doc, null);
    }

    /** Runs the operation: a Response, or a CompletionStage of one. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Call call);
    }

    /** The path's variables if it matches this template, by name. */
    public Optional<Map<String, String>> match(List<String> path) {
        List<String> segments = segments(template);
        if (segments.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                variables.put(segment.substring(1, segment.length() - 1), path.get(i));
            } else if (!segment.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }

    /** The variables of a template, in order. */
    public static List<String> variables(String template) {
        List<String> variables = new ArrayList<>();
        segments(template).stream().filter(s -> s.startsWith("{")).forEach(s -> variables.add(s.substring(1, s.length() - 1)));
        return variables;
    }

    private static List<String> segments(String template) {
        return template.isEmpty() ? List.of() : List.of(template.split("/"));
    }

    /** The path as the API document writes it, below the API's root. */
    public String path() {
        return "/" + collection + (template.isEmpty() ? "" : "/" + template);
    }
}
