package dev.zipper.edge;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.commands.CommandResult;
import dev.zipper.domain.AggregateType;
import dev.zipper.http.JsonObjects;
import dev.zipper.http.ProblemType;
import dev.zipper.http.Page;
import dev.zipper.readside.Projection;
import dev.zipper.readside.ReadRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How an aggregate is served over HTTP, declared in one place: the commands its collection takes (each a
 * record read from the body and the path, {@link CommandBodies}), its view (a projection's row, written
 * by {@link RowJson}), lists, and other queries. Every aggregate also gets {@code GET {id}/events} (its
 * stream, a page at a time), and its view state as of a version ({@code ?version=}, {@code ?at=}). The
 * routes serve requests ({@link ApiEndpoints}) and make the API document ({@link ApiDocument}), so the two
 * cannot drift apart.
 *
 * @param <C> the aggregate's commands
 * @param <S> its state
 */
public final class Exposure<C, S> {

    private static final List<Integer> COMMAND_PROBLEMS = List.of(400, 404, 409, 412, 413, 415, 422, 503);
    private static final List<Integer> OPEN_PROBLEMS = List.of(400, 409, 413, 415, 422, 503);

    private static final Map<String, JsonObject> AS_OF = Map.of(
            "version", Schemas.integer("Instead of the view: the state after this version, folded from the log"),
            "at", Schemas.string("Instead of the view: the state at this instant (ISO 8601), folded from the log"));

    private final AggregateType<C, ?, S> type;
    private final String collection;
    private final List<Route> routes = new ArrayList<>();
    private Access access;
    private AggregateType<?, ?, ?> owners;

    private Exposure(AggregateType<C, ?, S> type, String collection, Access access) {
        this.type = type;
        this.collection = collection;
        this.access = access;
        this.owners = type;
        Map<String, JsonObject> page = Schemas.pageQueries("Start after this stream version");
        routes.add(new Route("GET", collection, "{id}/events", "The " + type.streamType() + "'s events from the log, "
                + "oldest first, a page at a time", reads(), owned(call -> call.history().events(type, call.id(type),
                call.query("after"), call.query("limit"), call.uri().getAbsolutePathBuilder(), notFound(call))),
                OperationDoc.query(Schemas.ref("EventPage"), page, List.of(400, 404)), type.events()));
    }

    /**
     * The aggregate served at {@code /api/<collection>}, its operations (and its events) open to the callers
     * {@code access} admits until {@link #by} says otherwise.
     */
    public static <C, S> Exposure<C, S> of(AggregateType<C, ?, S> type, String collection, Access access) {
        return new Exposure<>(type, collection, access);
    }

    /** The operations declared next are open to the callers {@code access} admits. */
    public Exposure<C, S> by(Access access) {
        this.access = access;
        return this;
    }

    /**
     * Whose each of these aggregates is, for a customer who may see only their own: that of the aggregate of
     * {@code other} type with the same id (an order's payment is the order's customer's).
     */
    public Exposure<C, S> ownedAs(AggregateType<?, ?, ?> other) {
        this.owners = other;
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * Who may read one aggregate (its events, its state now or as of a version, what is read under it):
     * those {@link #by} admits, and operators, who read the whole log already (the console's stream
     * inspector). Lists and commands stay the store's.
     */
    private Access reads() {
        return access.and(Role.OPERATOR);
    }

    private String notFound(Call call) {
        return "No " + type.streamType() + " with id " + call.path().get("id");
    }

    /** The operation, for a caller who may see the aggregate the path names; for another customer, not found. */
    private Route.Handler owned(Route.Handler handler) {
        return call -> owned(owners, type, handler).handle(call);
    }

    /** As above, for an aggregate named {@code kind} whose owner is that of the aggregate of type {@code whose}. */
    private static Route.Handler owned(AggregateType<?, ?, ?> whose, AggregateType<?, ?, ?> kind, Route.Handler handler) {
        return call -> call.owns(whose) ? handler.handle(call)
                : ProblemType.NOT_FOUND.response("No " + kind.streamType() + " with id " + call.path().get("id"));
    }

    /** {@code POST /<collection>}: a new aggregate with a new id, answered 201 with its Location. */
    public Exposure<C, S> opens(String summary, Class<? extends C> command) {
        return opens(summary, command, (call, body) -> UUID.randomUUID().toString(), Function.identity());
    }

    /** {@code POST /<collection>}: a new aggregate whose id {@code id} gives, from the body or the caller. */
    public <B> Exposure<C, S> opens(String summary, Class<B> body, BiFunction<Call, B, String> id,
                                    Function<B, ? extends C> command) {
        JsonObject schema = CommandBodies.schema(body, Set.of());
        routes.add(new Route("POST", collection, "", summary, access, call -> {
            B read = CommandBodies.read(body, call.body(), Map.of());
            CommandResult result = call.open(type, id.apply(call, read), command.apply(read));
            return Response.created(call.uri().getAbsolutePathBuilder().path(result.id()).build()).entity(result).build();
        }, OperationDoc.command(schema, schema.containsKey("required"), 201, Schemas.ref("CommandResult"), OPEN_PROBLEMS)));
        return this;
    }

    /** {@code POST /<collection>/{id}/<path>}: a command on one aggregate, read from the body and the path. */
    public Exposure<C, S> command(String path, String summary, Class<? extends C> command) {
        return command(path, summary, command, Function.identity());
    }

    /** As {@link #command(String, String, Class)}, for a body that is not the command itself. */
    public <B> Exposure<C, S> command(String path, String summary, Class<B> body, Function<B, ? extends C> command) {
        return command(path, summary, body, 200, Schemas.ref("CommandResult"),
                (call, read) -> Response.ok(call.run(type, command.apply(read))).build());
    }

    /** A command answered its own way: {@code answer} runs it and says what to send back. */
    public <B> Exposure<C, S> command(String path, String summary, Class<B> body, int status, JsonObject answerSchema,
                                   BiFunction<Call, B, Response> answer) {
        String template = "{id}/" + path;
        Set<String> fromPath = Set.copyOf(Route.variables(template));
        // a command whose every field is in the path takes no body (one sent is refused)
        boolean takesBody = Arrays.stream(body.getRecordComponents()).anyMatch(c -> !fromPath.contains(c.getName()));
        JsonObject schema = takesBody ? CommandBodies.schema(body, fromPath) : null;
        // another customer's is not found before its body is even read; the command's transaction checks again
        routes.add(new Route("POST", collection, template, summary, access,
                owned(call -> answer.apply(call, CommandBodies.read(body, call.body(), call.path()))),
                OperationDoc.command(schema, takesBody && schema.containsKey("required"), status, answerSchema,
                        COMMAND_PROBLEMS)));
        return this;
    }

    /** {@code GET /<collection>/{id}}: the projection's row, its id under the name {@code idName}. */
    public <R extends ReadRow<?>> Exposure<C, S> view(String summary, Projection<?, R> projection, String idName) {
        return view(summary, projection, idName, Void.class, null);
    }

    /**
     * A view that also shows facts of other streams: the fields of the record {@code also} makes for the row
     * are shown beside the row's own (and replace any of the same name). Its ETag changes with them too.
     */
    public <R extends ReadRow<?>, A> Exposure<C, S> view(String summary, Projection<?, R> projection, String idName,
                                                      Class<A> alsoType, Function<R, A> also) {
        Function<R, JsonObject> json = row -> {
            JsonObjectBuilder shown = RowJson.of(row, idName);
            if (also != null) {
                RowJson.fields(also.apply(row), shown);
            }
            return shown.build();
        };
        routes.add(new Route("GET", collection, "{id}", summary, reads(), owned(call -> call.answers().answer(type,
                projection.rows(), call.id(type), json, also != null, notFound(call))),
                OperationDoc.view(RowJson.schema(projection.rows(), idName, alsoType), AS_OF)));
        return this;
    }

    /**
     * {@code GET /<collection>/{id}}: the aggregate as its own stream folds it now, shown by the record
     * {@code shown} makes of its state (and its {@code id} and {@code version}). No table to keep: for an
     * aggregate read one at a time, whose stream stays short, and that no list shows.
     */
    public <A> Exposure<C, S> state(String summary, Class<A> shownType, Function<S, A> shown) {
        routes.add(new Route("GET", collection, "{id}", summary, reads(), owned(call -> {
            String id = call.id(type);
            return call.answers().folded(type, id, state -> {
                JsonObjectBuilder json = JsonObjects.object().add("id", id);
                RowJson.fields(shown.apply(state), json);
                return json;
            }, notFound(call));
        }), OperationDoc.folded(RowJson.schema(Void.class, "id", shownType), AS_OF)));
        return this;
    }

    /**
     * {@code GET /<collection>}: the projection's rows by id, a page at a time, those {@code filter} keeps
     * (from the query's own parameters, described in {@code queries}).
     */
    public <R extends ReadRow<?>> Exposure<C, S> list(String summary, Projection<?, R> projection, String idName,
                                                   Map<String, JsonObject> queries, Function<Call, Filter> filter) {
        Map<String, JsonObject> parameters = new HashMap<>(queries);
        parameters.putAll(Schemas.pageQueries("Start after this " + idName + " (from next)"));
        routes.add(new Route("GET", collection, "", summary, access, call -> {
            Filter kept = filter.apply(call);
            Page page = Page.of(call.query("limit"), call.query("after"));
            UriBuilder next = call.uri().getRequestUriBuilder().replaceQueryParam("limit").replaceQueryParam("after");
            return call.answers().list(type, projection.rows(), () -> page.answer(call.reads().page(projection.rows(),
                    kept.condition(), kept.parameters(), page.after(), page.limit() + 1), ReadRow::id,
                    row -> RowJson.of(row, idName).build(), next));
        }, OperationDoc.list(Schemas.pageOf(RowJson.schema(projection.rows(), idName, Void.class)), parameters)));
        return this;
    }

    /** What a list keeps: a JPQL condition on the row {@code r} and its parameters; empty for all. */
    public record Filter(String condition, Map<String, Object> parameters) {
        public static final Filter ALL = new Filter("", Map.of());

        /** What this keeps that also meets {@code more}, whose parameter {@code name} is {@code value}. */
        public Filter and(String more, String name, Object value) {
            Map<String, Object> all = new HashMap<>(parameters);
            all.put(name, value);
            return new Filter(condition.isEmpty() ? more : condition + " AND " + more, all);
        }
    }

    /**
     * {@code GET /<collection>/{id}/<path>} (or under another collection, whose aggregates are of type
     * {@code named}): a query answered its own way, for a customer only on what is theirs.
     */
    public Exposure<C, S> query(String collection, AggregateType<?, ?, ?> named, String path, String summary,
                                OperationDoc doc, Route.Handler handler) {
        routes.add(new Route("GET", collection, "{id}/" + path, summary, reads(), owned(named, named, handler), doc));
        return this;
    }
}
