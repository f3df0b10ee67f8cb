package dev.zipper.edge;

import dev.zipper.access.Caller;
import dev.zipper.commands.Commands;
import dev.zipper.consistency.CommandRequest;
import dev.zipper.consistency.RowAnswers;
import dev.zipper.history.AggregateHistory;
import dev.zipper.http.JsonBody;
import dev.zipper.http.JsonBodyReader;
import dev.zipper.http.Problem;
import dev.zipper.http.ProblemType;
import dev.zipper.readside.RowReads;
import dev.zipper.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one JAX-RS resource behind every {@link Route}: finds the route a request names and runs it for a
 * caller its {@link Access} admits. A path that no route has is a 404; one that another method has, a 405
 * with {@code Allow}; a caller without a token where one is needed, a 401; with one whose roles do not
 * admit them, a 403. One instance serves every request (the request's URI, headers and security context
 * come through JAX-RS's proxies): made for each request, it cost a tenth of a command's HTTP time.
 */
@Path("{collection}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiEndpoints {

    @Inject
    private Api api;

    @Inject
    private Commands commands;

    @Inject
    private CommandRequest request;

    @Inject
    private RowAnswers answers;

    @Inject
    private AggregateHistory history;

    @Inject
    private RowReads reads;

    @Inject
    private Traces traces;

    @Context
    private UriInfo uri;

    @Context
    private HttpHeaders headers;

    @Context
    private SecurityContext security;

    @GET
    public CompletionStage<Response> getCollection(@PathParam("collection") String collection) {
        return run("GET", collection, "", JsonBody::empty);
    }

    @GET
    @Path("{path: .+}")
    public CompletionStage<Response> get(@PathParam("collection") String collection, @Encoded @PathParam("path") String path) {
        return run("GET", collection, path, JsonBody::empty);
    }

    @POST
    public CompletionStage<Response> postCollection(@PathParam("collection") String collection, InputStream body) {
        return run("POST", collection, "", () -> read(body));
    }

    @POST
    @Path("{path: .+}")
    public CompletionStage<Response> post(@PathParam("collection") String collection, @Encoded @PathParam("path") String path,
                                          InputStream body) {
        return run("POST", collection, path, () -> read(body));
    }

    private JsonBody read(InputStream body) {
        return JsonBodyReader.readOrEmpty(headers.getMediaType(), headers.getRequestHeaders(), body);
    }

    /** What a 404 says: for a command on one aggregate, the actions there are. */
    private String nothingAt(String method, String collection, List<String> segments, String asked) {
        List<String> actions = api.routes().stream().filter(r -> r.method().equals(method) && r.collection().equals(collection)
                && r.template().startsWith("{id}/")).map(r -> r.template().substring("{id}/".length())).sorted().toList();
        return segments.size() == 2 && !actions.isEmpty()
                ? "No action '" + segments.get(1) + "' on " + collection + "; known: " + String.join(", ", actions)
                : "Nothing at " + asked;
    }

    /** Runs the route a request names, its body read only once the caller is let in (a 401 before a 400). */
    private CompletionStage<Response> run(String method, String collection, String path, Supplier<JsonBody> body) {
        String asked = "/" + collection + (path.isEmpty() ? "" : "/" + path); // as sent: it may not decode
        List<String> segments;
        try {
            segments = path.isEmpty() ? List.of() : Arrays.stream(path.split("/", -1))
                    .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        } catch (IllegalArgumentException e) { // a malformed escape names nothing
            return CompletableFuture.completedFuture(ProblemType.NOT_FOUND.response("Nothing at " + asked));
        }
        var route = api.route(method, collection, segments);
        if (route.isEmpty()) {
            List<Route> others = api.matching(collection, segments);
            return CompletableFuture.completedFuture(others.isEmpty()
                    ? ProblemType.NOT_FOUND.response(nothingAt(method, collection, segments, asked))
                    : Problem.builder(ProblemType.METHOD_NOT_ALLOWED, method + " is not allowed on " + asked)
                    .allow(others.stream().map(Route::method).collect(Collectors.toSet())).build());
        }
        Route found = route.get();
        Caller caller = Caller.of(security.getUserPrincipal(), security::isUserInRole);
        Response refused = found.access().refusal(caller, headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                found.method() + " " + found.path());
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        Call call = new Call(found.match(segments).orElseThrow(), body.get(), uri, caller, found.access(), commands, request,
                answers, history, reads);
        Object answer = traces.request(found.method() + " " + found.path(), headers.getHeaderString("traceparent"),
                () -> found.handler().handle(call));
        @SuppressWarnings("unchecked") // a handler answers a Response or a CompletionStage of one
        CompletionStage<Response> stage = answer instanceof CompletionStage<?> later ? (CompletionStage<Response>) later
                : CompletableFuture.completedFuture((Response) answer);
        return found.access().anyone() ? stage : stage.thenApply(ApiEndpoints::privately);
    }

    /** An answer for one caller's eyes: no cache keeps it, and none gives it to a caller with another token. */
    private static Response privately(Response answer) {
        return Response.fromResponse(answer).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
    }
}
