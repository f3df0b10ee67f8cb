package dev.zipper.schema;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventLogFailure;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Keeps the database's statistics of the log in step with its size, whatever the database's own
 * maintenance does: each time the log has doubled since the last analysis (from 1,000 events), it is
 * analysed again. Zipper's plans must not depend on autovacuum, which may be off (it is off where
 * Zipper was measured: the relay's read kept a plan made on the empty table, a sequential scan and
 * sort, 22 ms a batch at 230k events instead of 0.02 ms). While the database is away it waits: the
 * readiness check says so.
 */
@Singleton
public class LogStatistics {

    private static final Logger LOG = Logger.getLogger(LogStatistics.class.getName());
    private static final long FIRST = 1000;

    @Inject
    private EventLog log;

    /** The head at the last analysis (0: none since the server started). */
    private long analysedAt;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void refresh() {
        try {
            long head = log.head();
            if (head >= FIRST && head >= 2 * analysedAt) {
                log.analyze();
                LOG.fine(() -> "Log analysed at " + head + " events (last at " + analysedAt + ")");
                analysedAt = head;
            }
        } catch (EventLogFailure e) {
            LOG.fine(() -> "Log not analysed: " + e);
        }
    }
}
