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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
        R row = em.find(projection.rows(), event.streamId());
        applyStream(projection, row, List.of(event)).ifPresent(changed -> announce(List.of(changed)));
    }

    /**
     * Applies, in one transaction, the projection's events among the next {@value #BATCH} of the log after
     * {@code afterPosition}, each row by its own version check; returns the last position read. For a
     * read side far behind the log, where one transaction per event cannot keep up ({@link CatchUp}). The
     * rows are read in one query and written in JDBC batches (persistence.xml), the other instances told
     * in one statement.
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
        Map<String, R> rows = rows(projection.rows(), byStream.keySet());
        List<String> applied = new ArrayList<>();
        byStream.forEach((id, events) -> applyStream(projection, rows.get(id), events).ifPresent(applied::add));
        announce(applied);
        counters.batch(projection.name());
        return batch.isEmpty() ? afterPosition : batch.get(batch.size() - 1).position();
    }

    /** These rows as they are (those not there yet are absent), in one query. */
    private <R extends ReadRow<?>> Map<String, R> rows(Class<R> rows, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT r FROM " + em.getMetamodel().entity(rows).getName() + " r WHERE r.id IN :ids", rows)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(ReadRow::id, row -> row));
    }

    /**
     * Applies to the row (null: none yet) those of its stream's events (given in order, without gaps) that
     * it has not taken yet; returns what the other instances are to hear of it, if anything changed.
     */
    private <E, R extends ReadRow<E>> Optional<String> applyStream(Projection<E, R> projection, R found,
                                                                   List<RecordedEvent> given) {
        RecordedEvent last = given.get(given.size() - 1);
        int applied = found == null ? 0 : found.version();
        if (last.streamVersion() <= applied) {
            counters.duplicate(projection.name());
            return Optional.empty();
        }
        List<RecordedEvent> events = given.stream().filter(e -> e.streamVersion() > applied).toList();
        if (events.get(0).streamVersion() > applied + 1) {
            counters.caughtUp(projection.name());
            events = log.readStream(last.stream(), applied, last.streamVersion());
            if (events.size() != last.streamVersion() - applied) {
                // only a broker shared with another database (another deployment) sends such an event
                LOG.warning(() -> "Dropping " + last.type() + " v" + last.streamVersion() + " of " + last.stream()
                        + ": its predecessors are not in this log");
                return Optional.empty();
            }
        }
        R row = found;
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
        Class<R> rows = projection.rows();
        AfterCommit.run(transactions, () -> waits.applied(rows, last.streamId(), last.streamVersion()));
        return Optional.of(rows.getName() + " " + last.streamVersion() + " " + last.streamId());
    }

    /**
     * Tells the other instances that share the database which rows changed, once this commits (their
     * read-your-writes waits: {@code dev.zipper.log.LogListener}); waits here are completed at the commit
     * itself. One statement for them all, the rows passed as an array.
     */
    private void announce(List<String> changed) {
        if (!changed.isEmpty() && database.notifies()) {
            em.createNativeQuery("SELECT pg_notify(?1, changed) FROM unnest(CAST(?2 AS text[])) changed")
                    .setParameter(1, LogNotifications.APPLIED).setParameter(2, changed.toArray(String[]::new)).getResultList();
        }
    }
}
