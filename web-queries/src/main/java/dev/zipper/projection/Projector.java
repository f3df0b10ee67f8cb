package dev.zipper.projection;

import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies an event to a projection's row, once and in stream order, in a transaction of its own. An
 * event at or below the row's version is a duplicate and changes nothing. An event further ahead than
 * the next one means its predecessors have not arrived (redelivered later, or lost in a crash), so they
 * are read from the log and applied first, in the same transaction.
 */
@ApplicationScoped
public class Projector {

    private static final Logger LOG = Logger.getLogger(Projector.class.getName());

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Inject
    private ProjectionCounters counters;

    @Inject
    private EventLog log;

    @Transactional
    public <E, R extends ReadRow<E>> void apply(Projection<E, R> projection, RecordedEvent event) {
        R row = em.find(projection.rows(), event.streamId());
        int applied = row == null ? 0 : row.version();
        if (event.streamVersion() <= applied) {
            counters.duplicate(projection.name());
            return;
        }
        List<RecordedEvent> events = List.of(event);
        if (event.streamVersion() > applied + 1) {
            counters.caughtUp(projection.name());
            events = log.readStream(event.stream(), applied).stream()
                    .filter(e -> e.streamVersion() <= event.streamVersion()).toList();
            if (events.size() != event.streamVersion() - applied) {
                // only a broker shared with another database (another deployment) sends such an event
                LOG.warning(() -> "Dropping " + event.type() + " v" + event.streamVersion() + " of " + event.stream()
                        + ": its predecessors are not in this log");
                return;
            }
        }
        if (row == null) {
            row = projection.newRow(event.streamId());
            em.persist(row);
        }
        EventCodec<E> codec = EventCodec.of(projection.follows().events());
        for (RecordedEvent e : events) {
            row.apply(codec.decode(e));
        }
        RecordedEvent last = events.get(events.size() - 1);
        row.applied(last.streamVersion(), last.position());
        counters.applied(projection.name(), events.size());
    }
}
