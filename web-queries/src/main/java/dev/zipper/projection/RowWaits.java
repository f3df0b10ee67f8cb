package dev.zipper.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Requests waiting for a read row to reach a stream version (read-your-writes). A wait is a future that
 * the projector completes when the transaction that brought the row there commits: a waiting request
 * holds no thread, and nothing polls the database for it. Only this server's projector completes it; a
 * row applied by another instance is seen when the caller reads the row again at its timeout.
 */
@ApplicationScoped
public class RowWaits {

    private final Map<Row, List<Waiting>> waiting = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

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
     * Reads a row and shows it, in a transaction of its own: from a thread of the application's executor,
     * where no request's persistence context can be used, once a wait ends.
     */
    @Transactional
    public <R extends ReadRow<?>, T> T read(Class<R> rows, String id, Function<R, T> show) {
        return show.apply(em.find(rows, id));
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
