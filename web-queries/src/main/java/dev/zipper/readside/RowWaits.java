package dev.zipper.readside;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Requests waiting for a read row to reach a stream version (read-your-writes). A wait is a future that
 * the projector completes when the transaction that brought the row there commits: a waiting request
 * holds no thread, and nothing polls the database for it. This server's projector completes it, and so
 * does a notification that another instance sharing the database applied the row (PostgreSQL); without
 * one, such a row is seen when the caller reads it at the wait's end ({@link #answer}).
 */
@ApplicationScoped
public class RowWaits {

    private static final Logger LOG = Logger.getLogger(RowWaits.class.getName());

    private final Map<Row, List<Waiting>> waiting = new ConcurrentHashMap<>();

    @Inject
    private RowReads reads;

    /**
     * Completes when the row of this stream in this read table has applied {@code version}: at once if it
     * already has, else when it does on this server (never, if that happens elsewhere: give it a timeout).
     */
    public CompletableFuture<Void> until(Class<? extends ReadRow<?>> rows, String id, int version) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        Row row = new Row(rows, id);
        Waiting wait = new Waiting(version, reached);
        waiting.computeIfAbsent(row, r -> new CopyOnWriteArrayList<>()).add(wait);
        reached.whenComplete((done, failed) -> forget(row, wait));
        // read after registering: a commit in between has either been read here or will complete the wait;
        // in a transaction of its own, for a wait registered again on the executor (no request's context there)
        ReadRow<?> now = reads.read(() -> reads.row(rows, id));
        if (now != null && now.version() >= version) {
            reached.complete(null);
        }
        return reached;
    }

    /**
     * The answer of {@code attempt}, run in a transaction on {@code executor} once every one of these rows
     * (stream id to version) may have applied its version: when all have woken, or when {@code within}
     * has passed, and then with {@code last} true: it must answer. An attempt that gives no answer (woken
     * before it could read what woke it, a commit not yet visible to its connection) waits again.
     */
    public <T> CompletableFuture<T> answer(Class<? extends ReadRow<?>> rows, Map<String, Integer> versions, Duration within,
                                           Executor executor, Function<Boolean, Optional<T>> attempt) {
        return answer(rows, versions, System.nanoTime() + within.toNanos(), executor, attempt);
    }

    private <T> CompletableFuture<T> answer(Class<? extends ReadRow<?>> rows, Map<String, Integer> versions, long deadline,
                                            Executor executor, Function<Boolean, Optional<T>> attempt) {
        CompletableFuture<?>[] each = versions.entrySet().stream()
                .map(row -> until(rows, row.getKey(), row.getValue())).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(each)
                .completeOnTimeout(null, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .thenComposeAsync(wokenOrTimedOut -> {
                    Arrays.stream(each).forEach(wait -> wait.cancel(false)); // forgotten, reached or not
                    boolean last = System.nanoTime() >= deadline;
                    Optional<T> answer = reads.read(() -> attempt.apply(last));
                    if (answer.isPresent()) {
                        return CompletableFuture.completedFuture(answer.get());
                    }
                    LOG.info(() -> "Woken for " + rows.getSimpleName() + " " + versions + " before it could be read");
                    return answer(rows, versions, deadline, executor, attempt);
                }, executor);
    }

    /** Another instance's word that a row's transaction committed with the row at this version. */
    public void appliedElsewhere(String rows, String id, int version) {
        waiting.forEach((row, those) -> {
            if (row.rows().getName().equals(rows) && row.id().equals(id)) {
                those.stream().filter(wait -> wait.version() <= version).forEach(wait -> wait.reached().complete(null));
            }
        });
    }

    /** The projector's word that a row's transaction committed with the row at this version. */
    void applied(Class<?> rows, String id, int version) {
        List<Waiting> those = waiting.get(new Row(rows, id));
        if (those != null) {
            those.stream().filter(wait -> wait.version() <= version).forEach(wait -> wait.reached().complete(null));
        }
    }

    private void forget(Row row, Waiting wait) {
        waiting.computeIfPresent(row, (r, those) -> {
            those.remove(wait);
            return those.isEmpty() ? null : those;
        });
    }

    private record Row(Class<?> rows, String id) {
    }

    private record Waiting(int version, CompletableFuture<Void> reached) {
    }
}
