package dev.zipper.delivery;

import dev.zipper.commands.Causes;
import dev.zipper.eventstore.ConcurrencyConflict;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * The races the read side is designed to lose and redo, settled inside the delivery: two sessions applying
 * one row at once (a redelivery racing the first delivery, a batch from the log racing a single event: a
 * stale row version, or a new row inserted twice), two process steps appending to one stream. The loser's
 * transaction rolls back; run again after a moment, it finds what the winner did. A lost race is counted
 * ({@code zipper_read_side_races_total{handler}}) and logged at FINE; after {@value #ATTEMPTS} in a row
 * (about three and a half seconds of pauses at most) the delivery fails, and the broker delivers the message
 * again later. Call it outside any transaction.
 */
@ApplicationScoped
public class Races {

    private static final Logger LOG = Logger.getLogger(Races.class.getName());
    private static final int ATTEMPTS = 20;
    /** The longest pause between two attempts. */
    private static final long MAX_PAUSE_MILLIS = 250;
    private static final String UNIQUE_VIOLATION = "23505";

    private MeterRegistry registry;

    @Inject
    void measure(MeterRegistry registry) {
        this.registry = registry;
    }

    public void settle(String handler, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !lost(e)) {
                    throw e;
                }
                registry.counter("zipper.read_side.races", "handler", handler).increment();
                int lost = attempt;
                LOG.fine(() -> handler + " lost a race (" + lost + "), running again: " + e);
                LockSupport.parkNanos(pauseNanos(attempt));
            }
        }
    }

    /**
     * A random pause, its bound doubling with each lost race (2 ms, 4 ms, ... up to 250 ms): sessions that
     * collided do not collide again, and many contending for one stream (a hundred checkouts of one product,
     * on every instance) spread out until each has had its turn.
     */
    static long pauseNanos(int attempt) {
        long boundMillis = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(attempt, 20));
        return ThreadLocalRandom.current().nextLong(1_000_000, boundMillis * 1_000_000 + 1);
    }

    /** Whether the failure is another transaction having got there first. */
    static boolean lost(Throwable failure) {
        if (Causes.include(failure, ConcurrencyConflict.class)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // JPA's, or the provider's own when the row's version check fails at commit (EclipseLink's is not a subclass)
            boolean staleRow = cause.getClass().getSimpleName().equals(OptimisticLockException.class.getSimpleName());
            if (staleRow || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
