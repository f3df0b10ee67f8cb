package dev.zipper.readside;

import dev.zipper.commands.AfterCommit;
import dev.zipper.http.JsonObjects;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each projection has done since this server started: events applied, duplicates dropped,
 * catch-ups from the log (an event arrived before its predecessor), batches applied from the log (the
 * read side was far behind), and the most messages it has
 * handled at once. For operators (GET /log, and /metrics) and the fault tests; the read tables themselves
 * are the durable record.
 */
@ApplicationScoped
public class ProjectionCounters {

    private final Map<String, Counters> byProjection = new ConcurrentHashMap<>();

    @Inject
    private MeterRegistry registry;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Counts one message being handled until the returned handle is closed. */
    public InFlight handling(String projection) {
        Counters counters = of(projection);
        long now = counters.inFlight.incrementAndGet();
        counters.maxInFlight.accumulateAndGet(now, Math::max);
        return counters.inFlight::decrementAndGet;
    }

    /** Counted when the transaction applying them commits: a batch rolled back and redone counts once. */
    public void applied(String projection, int events) {
        AtomicLong applied = of(projection).applied;
        AfterCommit.run(transactions, () -> applied.addAndGet(events));
    }

    public void duplicate(String projection) {
        of(projection).duplicates.incrementAndGet();
    }

    public void caughtUp(String projection) {
        of(projection).caughtUp.incrementAndGet();
    }

    public void batch(String projection) {
        of(projection).batches.incrementAndGet();
    }

    /** The counts of one projection (zeros before it has handled anything). */
    public JsonObjectBuilder toJson(String projection) {
        Counters counters = of(projection);
        return JsonObjects.object()
                .add("applied", counters.applied.get())
                .add("duplicatesDropped", counters.duplicates.get())
                .add("caughtUpFromLog", counters.caughtUp.get())
                .add("batchesFromLog", counters.batches.get())
                .add("maxConcurrent", counters.maxInFlight.get());
    }

    private Counters of(String projection) {
        return byProjection.computeIfAbsent(projection, this::registered);
    }

    /** The same counts as metrics: zipper_projection_events_applied_total{projection="..."} and so on. */
    private Counters registered(String projection) {
        Counters counters = new Counters();
        count("zipper.projection.events.applied", projection, counters.applied);
        count("zipper.projection.duplicates.dropped", projection, counters.duplicates);
        count("zipper.projection.catch.ups", projection, counters.caughtUp);
        count("zipper.projection.batches", projection, counters.batches);
        return counters;
    }

    private void count(String name, String projection, AtomicLong value) {
        FunctionCounter.builder(name, value, AtomicLong::get).tag("projection", projection).register(registry);
    }

    /** Closed when the message has been handled. */
    public interface InFlight extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Counters {
        final AtomicLong applied = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong caughtUp = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicLong maxInFlight = new AtomicLong();
    }
}
