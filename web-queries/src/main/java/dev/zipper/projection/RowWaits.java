package dev.zipper.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * Requests waiting for a read row to reach a stream version (read-your-writes). A wait is a future that
 * the projector completes when the transaction that brought the row there commits: a waiting request
 * holds no thread, and nothing polls the database for it. Only this server's projector completes it; a
 * row applied by another instance is seen when the caller reads the row again at its timeout.
 */
@ApplicationScoped
public class RowWaits {

    private final Map<Row, List<Waiting>> waiting = new ConcurrentHashMap<>();

    private static final Logger LOG = Logger.getLogger(RowWaits.class.getName());

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

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
        // read after registering: a commit in between has either been read here or will complete the wait
        ReadRow<?> now = em.find(rows, id);
        if (now != null && now.version() >= version) {
            reached.complete(null);
        }
        return reached;
    }

    /**
     * The row shown once it has applied {@code version} ({@code show(row, true)}), or as it is when
     * {@code within} has passed ({@code show(row, false)}); read on {@code executor}. Woken but finding the
     * row not there yet (a commit not yet visible to another connection), it waits again, to the same end.
     */
    public <R extends ReadRow<?>, T> CompletableFuture<T> show(Class<R> rows, String id, int version, Duration within,
                                                               Executor executor, BiFunction<R, Boolean, T> show) {
        return attempt(rows, id, version, System.nanoTime() + within.toNanos(), executor, show);
    }

    private <R extends ReadRow<?>, T> CompletableFuture<T> attempt(Class<R> rows, String id, int version, long deadline,
                                                                   Executor executor, BiFunction<R, Boolean, T> show) {
        return until(rows, id, version)
                .completeOnTimeout(null, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .thenComposeAsync(wokenOrTimedOut -> {
                    boolean last = System.nanoTime() >= deadline;
                    // one read decides and shows: reached, or shown as it is once the time is up
                    Optional<T> shown = reads.read(rows, id, row -> {
                        boolean reached = row != null && row.version() >= version;
                        return reached || last ? Optional.of(show.apply(row, reached)) : Optional.<T>empty();
                    });
                    if (shown.isPresent()) {
                        return CompletableFuture.completedFuture(shown.get());
                    }
                    LOG.info(() -> "Woken for " + rows.getSimpleName() + " " + id + " v" + version + " before it could be read");
                    return attempt(rows, id, version, deadline, executor, show);
                }, executor);
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
