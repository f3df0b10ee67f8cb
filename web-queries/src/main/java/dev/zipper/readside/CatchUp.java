package dev.zipper.readside;

import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.relay.LogRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * When an event arrives more than {@value #BEHIND} positions behind what the relay has published, the
 * read side is far behind the log (a backlog after the broker or the server was away, a burst), and one
 * transaction per event would fall further behind. Then one session at a time applies the next 500
 * events of the log in one transaction ({@link Projector#applyFromLog}), each row still by its own
 * version check, and remembers the range it covered once that has committed: the messages for events in
 * it are then dropped without a look at the database. Called outside any transaction.
 */
@ApplicationScoped
public class CatchUp {

    static final long BEHIND = 500;
    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    @Inject
    private Projector projector;

    @Inject
    private LogRelay relay;

    @Inject
    private ProjectionCounters counters;

    private final Map<String, Covered> byProjection = new ConcurrentHashMap<>();

    /**
     * Whether the event has been applied in a batch, now or before; false: apply it on its own. A batch
     * leaves out the streams parked for the projection; one that fails (an event no stream is parked for
     * yet fails the projection) leaves the event to be applied on its own, where its failure parks its stream.
     */
    boolean applied(Projection<?, ?> projection, RecordedEvent event, Predicate<StreamId> parked) {
        Covered covered = byProjection.computeIfAbsent(projection.name(), name -> new Covered());
        if (covered.includes(event.position())) {
            counters.duplicate(projection.name());
            return true;
        }
        if (relay.status().published() - event.position() <= BEHIND) {
            return false;
        }
        covered.lock.lock();
        try {
            if (covered.includes(event.position())) {
                counters.duplicate(projection.name());
            } else {
                long last;
                try {
                    last = projector.applyFromLog(projection, event.position() - 1, parked);
                } catch (RuntimeException e) {
                    LOG.fine(() -> projection.name() + ": a batch from the log failed, the event is applied on its own: " + e);
                    return false;
                }
                covered.range(event.position(), last);
            }
            return true;
        } finally {
            covered.lock.unlock();
        }
    }

    /** The last range of positions a committed batch covered. */
    private static final class Covered {
        final ReentrantLock lock = new ReentrantLock();
        private volatile long[] range = {1, 0};

        boolean includes(long position) {
            long[] r = range;
            return r[0] <= position && position <= r[1];
        }

        void range(long from, long to) {
            range = new long[] {from, to};
        }
    }
}
