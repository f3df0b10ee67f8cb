package dev.zipper.edge;

import static dev.zipper.edge.Schemas.object;
import static dev.zipper.edge.Schemas.type;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.http.JsonBodyReader;
import dev.zipper.http.JsonObjects;
import dev.zipper.http.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API's OpenAPI 3.0 document, {@code GET /api/openapi}, made from the same {@link Route}s that serve
 * the requests: the same on every server, and never describing an operation other than the one that runs.
 * Built once, on first request.
 */
@ApplicationScoped
public class ApiDocument implements Operations {

    static final String VERSION = "0.1.0";

    /** The problems an operation can answer, by status: the name of their response in the components. */
    private static final Map<Integer, String> PROBLEMS = Map.of(
            400, "InvalidRequest", 401, "Unauthorized", 403, "Forbidden", 404, "NotFound", 409, "Conflict",
            412, "PreconditionFailed", 413, "TooLarge", 415, "UnsupportedMediaType", 422, "KeyReused", 503, "Unavailable");

    @Inject
    private Api api;

    private volatile String document;

    @Override
    public List<Route> routes() {
        return List.of(new Route("GET", "openapi", "", "This document", Access.ANYONE, call -> Response.ok(document()).build(),
                OperationDoc.query(type("object").add("description", "An OpenAPI 3.0 document").build(), Map.of(),
                        List.of())));
    }

    String document() {
        if (document == null) {
            document = of(api.routes()).toString();
        }
        return document;
    }

    /** The document for these routes. */
    public static JsonObject of(List<Route> routes) {
        Map<String, JsonObjectBuilder> paths = new TreeMap<>();
        List<Route> sorted = routes.stream().sorted(Comparator.comparing(Route::path).thenComparing(Route::method)).toList();
        for (Route route : sorted) {
            paths.computeIfAbsent(route.path(), path -> JsonObjects.object())
                    .add(route.method().toLowerCase(), operation(route));
        }
        JsonObjectBuilder pathItems = JsonObjects.object();
        paths.forEach(pathItems::add);
        return JsonObjects.object()
                .add("openapi", "3.0.3")
                .add("info", JsonObjects.object().add("title", "Zipper").add("version", VERSION)
                        .add("description", "Event-sourced CQRS on Jakarta EE: commands append to one ordered log; "
                                + "views project it."))
                .add("servers", JsonObjects.array().add(JsonObjects.object().add("url", "/zipper/api")))
                .add("paths", pathItems)
                .add("components", components())
                .build();
    }

    private static JsonObject operation(Route route) {
        OperationDoc doc = route.doc();
        JsonArrayBuilder parameters = JsonObjects.array();
        Route.variables(route.template()).forEach(name -> parameters.add(JsonObjects.object().add("name", name)
                .add("in", "path").add("required", true).add("schema", type("string"))));
        doc.queries().forEach((name, schema) -> parameters.add(JsonObjects.object().add("name", name).add("in", "query")
                .add("schema", schema)));
        doc.shared().forEach(name -> parameters.add(ref("parameters", name)));
        JsonObjectBuilder operation = JsonObjects.object()
                .add("operationId", operationId(route))
                .add("tags", JsonObjects.array().add(route.collection()))
                .add("summary", route.summary())
                .add("parameters", parameters);
        if (doc.body() != null) {
            operation.add("requestBody", JsonObjects.object().add("required", doc.bodyRequired())
                    .add("content", content(MediaType.APPLICATION_JSON, doc.body())));
        }
        JsonObjectBuilder responses = JsonObjects.object()
                .add(String.valueOf(doc.status()), success(route, doc));
        Set<Integer> problems = new TreeSet<>(doc.problems());
        Access access = route.access();
        if (!access.anyone()) {
            problems.addAll(List.of(401, 403));
        }
        if (access.owned()) {
            problems.add(404); // another customer's, as if it did not exist
        }
        problems.forEach(status -> responses.add(String.valueOf(status), status == 304
                ? ref("responses", "NotModified") : ref("responses", PROBLEMS.get(status))));
        responses.add("default", ref("responses", "Unexpected"));
        JsonArrayBuilder roles = JsonObjects.array();
        access.roles().stream().map(Role::claim).sorted().forEach(roles::add);
        return operation.add("responses", responses)
                .add("security", access.anyone() ? JsonObjects.array()
                        : JsonObjects.array().add(JsonObjects.object().add("bearer", JsonObjects.array())))
                .add("x-zipper-roles", roles)
                .add("x-zipper-own-only", access.owned())
                .build();
    }

    private static JsonObject success(Route route, OperationDoc doc) {
        JsonObjectBuilder headers = JsonObjects.object();
        if (doc.shared().contains("If-Match") || doc.shared().contains("If-None-Match")) {
            headers.add("ETag", ref("headers", "ETag"));
        }
        if (!doc.shared().isEmpty()) {
            headers.add("Zipper-Position", ref("headers", "Zipper-Position"));
        }
        if (doc.shared().contains("Prefer")) { // a wait that may end before the view caught up
            headers.add("Zipper-Stale", ref("headers", "Zipper-Stale"));
        }
        if (doc.shared().contains("Idempotency-Key")) {
            headers.add("Idempotent-Replayed", ref("headers", "Idempotent-Replayed"));
        }
        if (doc.status() == 201) {
            headers.add("Location", JsonObjects.object().add("description", "What was created")
                    .add("schema", type("string").add("format", "uri")));
        }
        return JsonObjects.object().add("description", route.summary()).add("headers", headers)
                .add("content", content(doc.mediaType(), doc.answer())).build();
    }

    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase());
        for (String part : route.path().split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static JsonObject content(String mediaType, JsonObject schema) {
        return JsonObjects.object().add(mediaType, JsonObjects.object().add("schema", schema)).build();
    }

    private static JsonObject ref(String kind, String name) {
        return JsonObjects.object().add("$ref", "#/components/" + kind + "/" + name).build();
    }

    private static JsonObject components() {
        return JsonObjects.object()
                .add("securitySchemes", JsonObjects.object().add("bearer", JsonObjects.object().add("type", "http")
                        .add("scheme", "bearer").add("bearerFormat", "JWT").add("description", "A token from the "
                                + "configured issuer (MicroProfile JWT): its groups claim names the roles; x-zipper-roles "
                                + "on an operation says which it takes, x-zipper-own-only whether a customer sees only "
                                + "their own")))
                .add("schemas", schemas())
                .add("parameters", parameters())
                .add("headers", JsonObjects.object()
                        .add("ETag", header("The aggregate's stream version, quoted; \"3.5f1c02ab\" where the answer "
                                + "also shows other streams", type("string")))
                        .add("Zipper-Position", header("The log position the answer reflects", type("integer").add("format", "int64")))
                        .add("Zipper-Stale", header("true when the view had not caught up within the wait", type("boolean")))
                        .add("Idempotent-Replayed", header("true on a repeated answer", type("boolean"))))
                .add("responses", responses())
                .build();
    }

    private static JsonObject schemas() {
        JsonObject timelineEvent = object(event());
        JsonObject storedEvent = object(event().add("schemaVersion", type("integer"))
                .add("data", type("object").add("description", "The event's fields; a card number shows as **** 4242")));
        return JsonObjects.object()
                .add("Problem", type("object").add("description", "RFC 9457 problem details")
                        .add("required", JsonObjects.array().add("type").add("title").add("status"))
                        .add("properties", JsonObjects.object()
                                .add("type", type("string").add("format", "uri"))
                                .add("title", type("string")).add("status", type("integer"))
                                .add("detail", type("string"))))
                .add("CommandResult", type("object").add("description", "What a command did")
                        .add("required", JsonObjects.array().add("type").add("id").add("version").add("position"))
                        .add("properties", JsonObjects.object()
                                .add("type", type("string").add("description", "The aggregate's stream type"))
                                .add("id", type("string"))
                                .add("version", type("integer").add("description", "The aggregate's stream version now"))
                                .add("position", type("integer").add("format", "int64")
                                        .add("description", "The log position of the command's last event"))))
                .add("EventPage", Schemas.pageOf(storedEvent))
                .add("Timeline", object(JsonObjects.object().add("orderId", type("string"))
                        .add("events", type("array").add("items", timelineEvent))))
                .add("LogStatus", type("object").add("properties", JsonObjects.object()
                        .add("head", type("integer").add("description", "The last committed position"))
                        .add("published", type("integer").add("description", "How far the relay has published"))
                        .add("leader", object(JsonObjects.object().add("instance", type("string"))
                                .add("term", type("integer")).add("since", type("string").add("format", "date-time"))
                                .add("held", type("boolean")).add("answering", type("boolean"))))
                        .add("projections", type("object").add("additionalProperties", object(JsonObjects.object()
                                .add("appliedPosition", type("integer")).add("lag", type("integer"))
                                .add("lagSeconds", type("number")))))
                        .add("parked", type("array").add("items", object(JsonObjects.object()
                                .add("reader", type("string")).add("streamType", type("string"))
                                .add("streamId", type("string")).add("version", type("integer"))
                                .add("position", type("integer")).add("eventType", type("string"))
                                .add("error", type("string"))
                                .add("parkedAt", type("string").add("format", "date-time")))))
                        .add("rebuilds", type("object").add("additionalProperties", object(JsonObjects.object()
                                .add("version", type("integer")).add("state", type("string"))
                                .add("position", type("integer")).add("head", type("integer"))
                                .add("eventsPerSecond", type("integer")).add("secondsLeft", type("integer"))
                                .add("startedAt", type("string").add("format", "date-time"))
                                .add("finishedAt", type("string").add("format", "date-time"))
                                .add("error", type("string")))))))
                .build();
    }

    /** Where an event is and what it is, as the history and the timeline show it. */
    private static JsonObjectBuilder event() {
        return JsonObjects.object()
                .add("position", type("integer").add("format", "int64"))
                .add("streamType", type("string")).add("streamId", type("string"))
                .add("streamVersion", type("integer")).add("type", type("string"))
                .add("recordedAt", type("string").add("format", "date-time"))
                .add("correlationId", type("string")).add("causationId", type("string"))
                .add("actor", type("object").add("description", "Who did it, as their token said; absent for the "
                        + "system's own steps").add("properties", JsonObjects.object().add("subject", type("string"))
                        .add("roles", type("array").add("items", type("string")))));
    }

    private static JsonObject parameters() {
        Map<String, JsonObject> shared = new LinkedHashMap<>();
        shared.put("If-Match", parameter("header", "If-Match", "Run only on this version of the aggregate, the ETag "
                + "a view or command answered (else 412, nothing written)", type("string")));
        shared.put("expectedVersion", parameter("query", "expectedVersion", "As If-Match: run only on this version "
                + "(else 409, nothing written)", type("integer").add("minimum", 0)));
        shared.put("Idempotency-Key", parameter("header", "Idempotency-Key", "A retry with the same key and request "
                + "gets the first answer and runs nothing; another request with it is a 422", type("string").add("maxLength", 255)));
        shared.put("Zipper-Await-View", parameter("header", "Zipper-Await-View", "Answer once this view (as GET /log "
                + "names it) shows the command's effect, or after the wait, marked Zipper-Stale", type("string")));
        shared.put("Prefer", parameter("header", "Prefer", "wait=n: wait up to n seconds (default 5, at most 30); "
                + "handling=strict: 503 rather than a stale answer", type("string")));
        shared.put("If-None-Match", parameter("header", "If-None-Match", "304 if the view is still at this ETag",
                type("string")));
        shared.put("Zipper-Min-Position", parameter("header", "Zipper-Min-Position", "Answer once the view has applied "
                + "the log up to this position (a command's Zipper-Position): read-your-writes",
                type("integer").add("format", "int64")));
        shared.put("minPosition", parameter("query", "minPosition", "As the Zipper-Min-Position header",
                type("integer").add("format", "int64")));
        shared.put("wait", parameter("query", "wait", "As Prefer: wait=n", type("integer")));
        shared.put("handling", parameter("query", "handling", "As Prefer: handling=",
                type("string").add("enum", JsonObjects.array().add("strict").add("lenient"))));
        shared.put("Last-Event-ID", parameter("header", "Last-Event-ID", "Resume after this position (EventSource "
                + "sends it on reconnecting)", type("integer").add("format", "int64")));
        JsonObjectBuilder parameters = JsonObjects.object();
        shared.forEach(parameters::add);
        return parameters.build();
    }

    private static JsonObject responses() {
        JsonObjectBuilder responses = JsonObjects.object()
                .add("NotModified", JsonObjects.object().add("description", "The view is still at the If-None-Match ETag"));
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("InvalidRequest", "Malformed JSON, a missing or invalid field or parameter, or a field or "
                + "parameter it does not take; nothing written");
        problems.put("Unauthorized", "No bearer token where one is needed, or one that was refused (see WWW-Authenticate)");
        problems.put("Forbidden", "The token's roles do not take this operation");
        problems.put("NotFound", "No such resource, or not the caller's own");
        problems.put("Conflict", "Not allowed in the aggregate's state, a stale expectedVersion, an id already "
                + "taken, or a request with the same Idempotency-Key still being answered; nothing written");
        problems.put("PreconditionFailed", "The aggregate is not at the If-Match version; nothing written");
        problems.put("TooLarge", "A body over " + JsonBodyReader.MAX_BYTES / 1024 + " KiB; nothing written");
        problems.put("UnsupportedMediaType", "A body that is not application/json in UTF-8; nothing written");
        problems.put("KeyReused", "The Idempotency-Key was used with another request; nothing written");
        problems.put("Unavailable", "The event store cannot be reached (nothing written), or, with handling=strict, "
                + "the view has not reached Zipper-Min-Position within the wait");
        problems.put("Unexpected", "Anything else that went wrong (500), as a problem");
        problems.forEach((name, description) -> {
            JsonObjectBuilder response = JsonObjects.object().add("description", description)
                    .add("content", content(Problem.MEDIA_TYPE, Schemas.ref("Problem")));
            if (name.equals("Unauthorized")) {
                response.add("headers", JsonObjects.object().add("WWW-Authenticate", header("Bearer realm=\"zipper\", "
                        + "with error=\"invalid_token\" when a token was refused", type("string"))));
            }
            responses.add(name, response);
        });
        return responses.build();
    }

    private static JsonObject parameter(String in, String name, String description, JsonObjectBuilder schema) {
        return JsonObjects.object().add("name", name).add("in", in).add("description", description)
                .add("schema", schema).build();
    }

    private static JsonObject header(String description, JsonObjectBuilder schema) {
        return JsonObjects.object().add("description", description).add("schema", schema).build();
    }
}
