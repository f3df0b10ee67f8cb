package dev.zipper.readside;

import dev.zipper.commands.AfterCommit;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.LogNotifications;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.schema.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies events to a projection's rows, each once and in stream order: one delivered event in a
 * transaction of its own, or a batch of the log in one. An event at or below the row's version is a
 * duplicate and changes nothing. An event further ahead than the next one means its predecessors have
 * not arrived (redelivered later, or lost in a crash), so they are read from the log and applied first,
 * in the same transaction.
 */
@ApplicationScoped
public class Projector {

    private static final Logger LOG = Logger.getLogger(Projector.class.getName());
    private static final int BATCH = 500;

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Inject
    private ProjectionCounters counters;

    @Inject
    private EventLog log;

    @Inject
    private RowWaits waits;

    @Inject
    private Database database;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Applies one delivered event (and any predecessors it arrived before). */
    @Transactional
    public <E, R extends ReadRow<E>> void apply(Projection<E, R> projection, RecordedEvent event) {
        applyStream(projection, List.of(event));
    }

    /**
     * Applies, in one transaction, the projection's events among the next {@value #BATCH} of the log after
     * {@code afterPosition}, each row by its own version check; returns the last position read. For a
     * read side far behind the log, where one transaction per event cannot keep up ({@link CatchUp}).
     */
    @Transactional
    public <E, R extends ReadRow<E>> long applyFromLog(Projection<E, R> projection, long afterPosition) {
        List<RecordedEvent> batch = log.readLog(afterPosition, BATCH);
        Map<String, List<RecordedEvent>> byStream = new LinkedHashMap<>();
        for (RecordedEvent event : batch) {
            if (event.streamType().equals(projection.follows().streamType())) {
                byStream.computeIfAbsent(event.streamId(), id -> new ArrayList<>()).add(event);
            }
        }
        byStream.values().forEach(events -> applyStream(projection, events));
        counters.batch(projection.name());
        return batch.isEmpty() ? afterPosition : batch.get(batch.size() - 1).position();
    }

    /** Applies those of one stream's events (given in order, without gaps) that its row has not taken yet. */
    private <E, R extends ReadRow<E>> void applyStream(Projection<E, R> projection, List<RecordedEvent> given) {
        RecordedEvent last = given.get(given.size() - 1);
        R row = em.find(projection.rows(), last.streamId());
        int applied = row == null ? 0 : row.version();
        if (last.streamVersion() <= applied) {
            counters.duplicate(projection.name());
            return;
        }
        List<RecordedEvent> events = given.stream().filter(e -> e.streamVersion() > applied).toList();
        if (events.get(0).streamVersion() > applied + 1) {
            counters.caughtUp(projection.name());
            events = log.readStream(last.stream(), applied, last.streamVersion());
            if (events.size() != last.streamVersion() - applied) {
                // only a broker shared with another database (another deployment) sends such an event
                LOG.warning(() -> "Dropping " + last.type() + " v" + last.streamVersion() + " of " + last.stream()
                        + ": its predecessors are not in this log");
                return;
            }
        }
        if (row == null) {
            row = projection.newRow(last.streamId());
            em.persist(row);
        }
        EventCodec<E> codec = EventCodec.of(projection.follows().events());
        for (RecordedEvent e : events) {
            row.apply(codec.decode(e));
        }
        row.applied(last.streamVersion(), last.position());
        counters.applied(projection.name(), events.size());
        wakeOnCommit(projection.rows(), last.streamId(), last.streamVersion());
    }

    /**
     * Completes the waits for this row (read-your-writes) once what was applied to it is visible, here and,
     * through the database, on the other instances that share it (their waits are woken by {@code dev.zipper.log.LogListener}).
     */
    private void wakeOnCommit(Class<?> rows, String id, int version) {
        AfterCommit.run(transactions, () -> waits.applied(rows, id, version));
        if (database.notifies()) {
            em.createNativeQuery("SELECT pg_notify(?1, ?2)").setParameter(1, LogNotifications.APPLIED)
                    .setParameter(2, rows.getName() + " " + version + " " + id).getResultList();
        }
    }
}
