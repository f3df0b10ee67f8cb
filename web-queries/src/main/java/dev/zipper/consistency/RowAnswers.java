package dev.zipper.consistency;

import dev.zipper.domain.AggregateType;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.StreamId;
import dev.zipper.history.AggregateHistory;
import dev.zipper.history.AsOf;
import dev.zipper.http.ConsistencyHeaders;
import dev.zipper.http.Problem;
import dev.zipper.http.ProblemType;
import dev.zipper.http.RequestRefused;
import dev.zipper.readside.ReadRow;
import dev.zipper.readside.RowReads;
import dev.zipper.readside.RowWaits;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The answer to a query for one read row, the same for every view: {@code ETag} (the stream version),
 * {@code Zipper-Position} (the log position it reflects), {@code 304} for a matching {@code If-None-Match};
 * and, asked for a minimum position ({@link Freshness}), the answer once the row has applied what the log
 * held of its stream at that position. That wait holds no thread ({@link RowWaits}); past it the answer is
 * the row as it is, marked {@code Zipper-Stale: true}, or a {@code 503} if the client asked for strict
 * handling or the view has no row for it yet (never a {@code 404} for what the log holds). Asked for
 * {@code ?version=n} or {@code ?at=<instant>}, the answer is instead the aggregate's state then, from the
 * log ({@link AggregateHistory}).
 */
@RequestScoped
public class RowAnswers {

    @Inject
    private HttpServletRequest request;

    @Inject
    private RowWaits waits;

    @Inject
    private EventLog log;

    @Inject
    private AggregateHistory history;

    @Inject
    private ViewPositions positions;

    @Inject
    private RowReads reads;

    @Inject
    @ConfigProperty(name = "zipper.consistency.list-window", defaultValue = "10000")
    private long listWindow;

    @Resource
    private ManagedExecutorService executor;

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    /**
     * The row of this aggregate's stream, shown by {@code json}, tagged with its version ({@code "3"}); or,
     * for an answer that also shows facts of other streams ({@code withOthers}: a cart's prices, an order's
     * payment), tagged so that it changes with them too ({@code "3.5f1c02ab"}, the stream version first).
     */
    public <R extends ReadRow<?>> CompletionStage<Response> answer(AggregateType<?, ?, ?> type, Class<R> rows, String id,
                                                                    Function<R, JsonObject> json, boolean withOthers,
                                                                    String notFound) {
        Optional<AsOf> asOf = AsOf.of(request);
        if (asOf.isPresent()) {
            return CompletableFuture.completedFuture(history.state(type, id, asOf.get(), notFound));
        }
        Freshness asked = Freshness.of(request);
        Shown shown = shown(withOthers, notFound);
        if (asked.minPosition().isEmpty()) {
            return CompletableFuture.completedFuture(shown.row(json, em.find(rows, id), 0, false));
        }
        long position = withinLog(asked.minPosition().getAsLong());
        int version = log.versionAt(new StreamId(type.streamType(), id), position);
        if (version == 0) {
            // the stream had no events then: whatever the view shows of it now is at least that fresh
            return CompletableFuture.completedFuture(shown.row(json, em.find(rows, id), position, false));
        }
        Duration wait = asked.waitUpTo();
        boolean strict = asked.strict();
        return waits.answer(rows, Map.of(id, version), wait, executor, last -> {
            R row = reads.row(rows, id);
            boolean reached = row != null && row.version() >= version;
            if (!reached && !last) {
                return Optional.empty();
            }
            // no row yet for a stream that existed at the position: the view is behind, not the stream missing
            return Optional.of(!reached && (strict || row == null) ? notReached(position, wait)
                    : shown.row(json, row, reached ? position : 0, !reached));
        });
    }

    /**
     * The aggregate as its own stream folds it now, shown by {@code json} with its version added: no table, so
     * always current (a minimum position needs no wait). Tagged as a row that shows other streams' facts.
     */
    public <S> Response folded(AggregateType<?, ?, S> type, String id, Function<S, JsonObjectBuilder> json,
                               String notFound) {
        AsOf asOf = AsOf.of(request).orElse(AsOf.NOW);
        if (asOf != AsOf.NOW) {
            return history.state(type, id, asOf, notFound);
        }
        return history.fold(type, id, asOf).map(folded -> shown(true, notFound).answer(json.apply(folded.state())
                .add("version", folded.last().streamVersion()).build(), folded.last().streamVersion(),
                folded.last().position()).build())
                .orElseGet(() -> ProblemType.NOT_FOUND.response(notFound));
    }

    private Shown shown(boolean withOthers, String notFound) {
        return new Shown(withOthers, EntityTags.of(request.getHeaders(HttpHeaders.IF_NONE_MATCH)), notFound);
    }

    /**
     * A list from one read table: answered with {@code Zipper-Position}, the position up to which the table
     * has applied the log (of the last {@code zipper.consistency.list-window} positions: an older event
     * still unapplied is for readiness to report, not for each list to look for). Asked for a minimum
     * position, it is answered once every row of the table has applied its stream's events up to there,
     * waiting as a single row's answer does. {@code page} makes the answer; it may run on the executor.
     */
    public CompletionStage<Response> list(AggregateType<?, ?, ?> type, Class<? extends ReadRow<?>> rows,
                                          Supplier<Response> page) {
        Freshness asked = Freshness.of(request);
        long position = asked.minPosition().isPresent() ? withinLog(asked.minPosition().getAsLong()) : log.head();
        long from = Math.max(0, position - listWindow);
        Map<String, ViewPositions.Behind> behind = positions.behind(type.streamType(), rows, from, position);
        if (behind.isEmpty() || asked.minPosition().isEmpty()) {
            return CompletableFuture.completedFuture(positioned(page.get(), applied(behind, position), false));
        }
        ViewPositions viewPositions = positions;
        Duration wait = asked.waitUpTo();
        boolean strict = asked.strict();
        Map<String, Integer> versions = behind.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, row -> row.getValue().version()));
        return waits.answer(rows, versions, wait, executor, last -> {
            Map<String, ViewPositions.Behind> still = viewPositions.behind(type.streamType(), rows, from, position);
            if (!still.isEmpty() && !last) {
                return Optional.empty();
            }
            return Optional.of(!still.isEmpty() && strict ? notReached(position, wait)
                    : positioned(page.get(), applied(still, position), !still.isEmpty()));
        });
    }

    /** A minimum position, refused if the log has not reached it (no command answered it). */
    private long withinLog(long position) {
        long head = log.head();
        if (position > head) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, ConsistencyHeaders.MIN_POSITION + " " + position
                    + " is beyond the log's last position, " + head);
        }
        return position;
    }

    /** The answer, with strict handling, when the view has not reached the position in time. */
    private static Response notReached(long position, Duration wait) {
        return Problem.builder(ProblemType.UNAVAILABLE, "The view has not reached position " + position + " within "
                + wait.toSeconds() + " s; try again shortly").header(HttpHeaders.RETRY_AFTER, 1).build();
    }

    /** Up to where the table has applied the log: just before its first unapplied event, else all of it. */
    private static long applied(Map<String, ViewPositions.Behind> behind, long upTo) {
        return behind.values().stream().mapToLong(ViewPositions.Behind::position).min().orElse(upTo + 1) - 1;
    }

    private static Response positioned(Response answer, long position, boolean stale) {
        Response.ResponseBuilder positioned = Response.fromResponse(answer).header(ConsistencyHeaders.POSITION, position);
        if (stale) {
            positioned.header(ConsistencyHeaders.STALE, true);
        }
        return positioned.build();
    }

    /** How an answer is shown, given what the request sent in If-None-Match. */
    private record Shown(boolean withOthers, Set<String> noneMatch, String notFound) {

        /** The row shown by {@code json}, its position at least {@code atLeast}; a 404 without a row. */
        <R extends ReadRow<?>> Response row(Function<R, JsonObject> json, R row, long atLeast, boolean stale) {
            Response.ResponseBuilder answer = row == null ? Problem.builder(ProblemType.NOT_FOUND, notFound)
                    : answer(json.apply(row), row.version(), Math.max(atLeast, row.position()));
            if (stale) {
                answer.header(ConsistencyHeaders.STALE, true);
            }
            return answer.build();
        }

        Response.ResponseBuilder answer(JsonObject json, int version, long position) {
            String body = json.toString();
            String current = version + (withOthers ? "." + String.format("%08x", body.hashCode()) : "");
            Response.ResponseBuilder answer = EntityTags.noneMatch(noneMatch, current) ? Response.ok(body)
                    : Response.notModified();
            return answer.tag(new EntityTag(current)).header(ConsistencyHeaders.POSITION, position);
        }
    }
}
