package dev.zipper.readside;

import dev.zipper.commands.AfterCommit;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.LogNotifications;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
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
import java.util.function.Predicate;
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

    /** The read tables' next generation, where a rebuild writes ({@link Rebuilds}). */
    @PersistenceContext(unitName = "read-tables-next")
    private EntityManager next;

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
        applyStream(em, projection, row, List.of(event)).ifPresent(changed -> announce(List.of(changed)));
    }

    /**
     * Takes the event as applied without applying it (an operator's skip of an event that fails the
     * projection): its row, made if there is none, moves to its version.
     */
    @Transactional
    public <E, R extends ReadRow<E>> void skip(Projection<E, R> projection, RecordedEvent event) {
        R row = em.find(projection.rows(), event.streamId());
        if (row == null) {
            row = projection.newRow(event.streamId());
            em.persist(row);
        }
        if (row.version() < event.streamVersion()) {
            row.applied(event.streamVersion(), event.position());
        }
    }

    /**
     * Applies, in one transaction, the projection's events among the next {@value #BATCH} of the log after
     * {@code afterPosition}, each row by its own version check; returns the last position read. For a
     * read side far behind the log, where one transaction per event cannot keep up ({@link CatchUp}). The
     * rows are read in one query and written in JDBC batches (persistence.xml), the other instances told
     * in one statement. The streams parked for the projection are left out.
     */
    @Transactional
    public <E, R extends ReadRow<E>> long applyFromLog(Projection<E, R> projection, long afterPosition,
                                                       Predicate<StreamId> parked) {
        List<RecordedEvent> batch = log.readLog(afterPosition, BATCH);
        announce(applyBatch(em, projection, batch, parked));
        counters.batch(projection.name());
        return batch.isEmpty() ? afterPosition : batch.get(batch.size() - 1).position();
    }

    /**
     * For a rebuild: the same into the projection's next generation, every stream (a stream parked for the
     * live table fails the rebuild, which says so); the last position read.
     */
    @Transactional
    public <E, R extends ReadRow<E>> long applyToNext(Projection<E, R> projection, long afterPosition) {
        List<RecordedEvent> batch = log.readLog(afterPosition, BATCH);
        applyBatch(next, projection, batch, stream -> false);
        next.flush();
        next.clear(); // a rebuild's batches would otherwise pile up in one persistence context
        return batch.isEmpty() ? afterPosition : batch.get(batch.size() - 1).position();
    }

    /**
     * A rebuild's last step, in one transaction: the writers of the live tables on other instances held
     * off (PostgreSQL's table lock; on this one the caller holds them, {@link CutOverLocks}), the next
     * generation brought to the end of the log, and its rows put in place of the live ones. A query sees
     * the old rows until this commits and the new ones after, never a table half built. The last position.
     */
    @Transactional
    public <E, R extends ReadRow<E>> long cutOver(Projection<E, R> projection, long afterPosition, NextGeneration tables) {
        if (database.notifies()) {
            next.createNativeQuery("LOCK TABLE " + tables.main() + " IN EXCLUSIVE MODE").executeUpdate();
        }
        long position = afterPosition;
        for (List<RecordedEvent> batch = log.readLog(position, BATCH); !batch.isEmpty(); batch = log.readLog(position, BATCH)) {
            applyBatch(next, projection, batch, stream -> false);
            position = batch.get(batch.size() - 1).position();
        }
        next.flush();
        for (String statement : tables.swap()) {
            next.createNativeQuery(statement).executeUpdate();
        }
        return position;
    }

    /** Applies a batch of the log to the projection's rows in {@code into}; what the other instances are to hear. */
    private <E, R extends ReadRow<E>> List<String> applyBatch(EntityManager into, Projection<E, R> projection,
                                                              List<RecordedEvent> batch, Predicate<StreamId> parked) {
        Map<String, List<RecordedEvent>> byStream = new LinkedHashMap<>();
        for (RecordedEvent event : batch) {
            if (event.streamType().equals(projection.follows().streamType()) && !parked.test(event.stream())) {
                byStream.computeIfAbsent(event.streamId(), id -> new ArrayList<>()).add(event);
            }
        }
        Map<String, R> rows = rows(into, projection.rows(), byStream.keySet());
        List<String> applied = new ArrayList<>();
        byStream.forEach((id, events) -> applyStream(into, projection, rows.get(id), events).ifPresent(applied::add));
        return applied;
    }

    /** These rows as they are (those not there yet are absent), in one query. */
    private static <R extends ReadRow<?>> Map<String, R> rows(EntityManager from, Class<R> rows, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return from.createQuery("SELECT r FROM " + from.getMetamodel().entity(rows).getName() + " r WHERE r.id IN :ids", rows)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(ReadRow::id, row -> row));
    }

    /**
     * Applies to the row (null: none yet) those of its stream's events (given in order, without gaps) that
     * it has not taken yet; returns what the other instances are to hear of it, if anything changed.
     */
    private <E, R extends ReadRow<E>> Optional<String> applyStream(EntityManager into, Projection<E, R> projection, R found,
                                                                   List<RecordedEvent> given) {
        boolean live = into == em;
        RecordedEvent last = given.get(given.size() - 1);
        int applied = found == null ? 0 : found.version();
        if (last.streamVersion() <= applied) {
            if (live) {
                counters.duplicate(projection.name());
            }
            return Optional.empty();
        }
        List<RecordedEvent> events = given.stream().filter(e -> e.streamVersion() > applied).toList();
        if (events.get(0).streamVersion() > applied + 1) {
            if (live) {
                counters.caughtUp(projection.name());
            }
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
            into.persist(row);
        }
        EventCodec<E> codec = EventCodec.of(projection.follows().events());
        for (RecordedEvent e : events) {
            row.apply(codec.decode(e));
        }
        row.applied(last.streamVersion(), last.position());
        if (!live) {
            return Optional.empty(); // a next generation: nobody reads it, nobody waits on it
        }
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
