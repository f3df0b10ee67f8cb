package dev.zipper.edge;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the API document says of an operation beyond its path and summary.
 *
 * @param body         the request body's schema, or null when it takes none
 * @param bodyRequired whether a body must be sent (false when every field may be left out)
 * @param status       the status of its success answer
 * @param answer       that answer's schema
 * @param mediaType    that answer's media type
 * @param problems     the statuses of the problems it can answer
 * @param queries      its own query parameters, by name, each with its schema
 * @param shared       the parameters it takes that are declared once for the whole API (If-Match and others)
 */
public record OperationDoc(JsonObject body, boolean bodyRequired, int status, JsonObject answer, String mediaType,
                           List<Integer> problems, Map<String, JsonObject> queries, List<String> shared) {

    /** What every command takes: a version to run on, a key to run once, a view to wait for. */
    static final List<String> COMMAND_HEADERS = List.of("If-Match", "expectedVersion", "Idempotency-Key",
            "Zipper-Await-View", "Prefer");
    /** What every read of a view takes: how fresh the answer must be, and an ETag it may still match. */
    static final List<String> FRESHNESS = List.of("Zipper-Min-Position", "minPosition", "Prefer", "wait", "handling");

    public OperationDoc {
        problems = List.copyOf(problems);
        queries = new TreeMap<>(queries); // sorted: the document is the same on every server and run
        shared = List.copyOf(shared);
    }

    static OperationDoc command(JsonObject body, boolean required, int status, JsonObject answer, List<Integer> problems) {
        return new OperationDoc(body, required, status, answer, MediaType.APPLICATION_JSON, problems, Map.of(),
                COMMAND_HEADERS);
    }

    static OperationDoc view(JsonObject answer, Map<String, JsonObject> queries) {
        List<String> shared = new ArrayList<>(List.of("If-None-Match"));
        shared.addAll(FRESHNESS);
        return new OperationDoc(null, false, 200, answer, MediaType.APPLICATION_JSON, List.of(304, 400, 404, 503),
                queries, shared);
    }

    /** A view folded from the log when it is read: always current, so no freshness to ask for or wait on. */
    static OperationDoc folded(JsonObject answer, Map<String, JsonObject> queries) {
        return new OperationDoc(null, false, 200, answer, MediaType.APPLICATION_JSON, List.of(304, 400, 404), queries,
                List.of("If-None-Match"));
    }

    static OperationDoc list(JsonObject answer, Map<String, JsonObject> queries) {
        return new OperationDoc(null, false, 200, answer, MediaType.APPLICATION_JSON, List.of(400, 503), queries,
                FRESHNESS);
    }

    /** A query answered from the log or by a computation: no freshness to ask for. */
    public static OperationDoc query(JsonObject answer, Map<String, JsonObject> queries, List<Integer> problems) {
        return new OperationDoc(null, false, 200, answer, MediaType.APPLICATION_JSON, problems, queries, List.of());
    }
}
