package dev.zipper.log;

import dev.zipper.eventstore.LogNotifications;
import dev.zipper.readside.RowWaits;
import dev.zipper.relay.LogRelay;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hears, through the database (PostgreSQL's LISTEN/NOTIFY), what the instances sharing it did, this one
 * included: a command appended to the log (the relay, on whichever instance leads, publishes at once; the
 * live stream's subscribers here are sent the new events), a read row reached a version (read-your-writes
 * waits here end, whichever instance applied the row). On a thread of its own, listening again after a
 * failure; on H2 (one process) there is nothing to hear and it ends at once.
 */
@ApplicationScoped
public class LogListener {

    private static final Logger LOG = Logger.getLogger(LogListener.class.getName());

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private LogRelay relay;

    @Inject
    private EventSubscribers subscribers;

    @Inject
    private RowWaits waits;

    private ExecutorService listening;
    private volatile boolean running;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        running = true;
        listening = Executors.newSingleThreadExecutor(threads);
        listening.submit(this::listen);
    }

    /** Lets the listening end by itself (within a second) and waits for it, its connection returned. */
    @PreDestroy
    void stop() {
        running = false;
        if (listening != null) {
            listening.shutdown();
            try {
                listening.awaitTermination(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        while (running) {
            try {
                LogNotifications.listen(dataSource, List.of(LogNotifications.APPENDED, LogNotifications.APPLIED), this::heard,
                        () -> running);
                return; // stopped, or nothing to hear on this database
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.fine(() -> "Not listening to the database, trying again in a second: " + e);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void heard(String channel, String payload) {
        if (channel.equals(LogNotifications.APPENDED)) {
            relay.wake();
            subscribers.pumpAll();
        } else {
            String[] rowsVersionId = payload.split(" ", 3);
            waits.appliedElsewhere(rowsVersionId[0], rowsVersionId[2], Integer.parseInt(rowsVersionId[1]));
        }
    }
}
