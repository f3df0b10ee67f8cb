package dev.zipper.delivery;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.eventstore.ParkedStreams;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Parked streams, in order: when a reader of the log still fails an event on its
 * {@code zipper.read-side.park-after-deliveries}th delivery (3; the broker redelivers after 0.5 s, then 1 s),
 * the event's stream is parked for that reader ({@link ParkedStreams}): the reader takes none of its events
 * until an operator retries or skips, while every other stream, and every other reader of this one, goes
 * on. A retry takes the stream's events from the parked one on, in order, from the log; a skip passes over
 * the parked one first. Which streams are parked is read from the database at most once a second (and at
 * once after a change here), so other instances learn within a second; until then a reader that gets a
 * later event of the stream meets the failing one again (projections and processes read missing
 * predecessors from the log) and parks it there too.
 */
@ApplicationScoped
public class Parking {

    private static final Logger LOG = Logger.getLogger(Parking.class.getName());
    private static final long REFRESH_NANOS = 1_000_000_000L;

    @Inject
    private ParkedStreams parked;

    @Inject
    private Readers readers;

    @Inject
    private EventLog log;

    @Inject
    @ConfigProperty(name = "zipper.read-side.park-after-deliveries", defaultValue = "3")
    private int parkAfter;

    private volatile Set<String> known = Set.of();

    /** The streams being taken from the log by a retry or a skip here, by key. */
    private final Set<String> releasing = ConcurrentHashMap.newKeySet();
    private volatile long readAt;

    @Inject
    void measure(MeterRegistry registry) {
        Gauge.builder("zipper.read_side.parked_streams", this, parking -> parking.keys().size())
                .description("Streams parked for a reader of the log").register(registry);
    }

    /** Whether the stream is parked for the reader. */
    public boolean holds(String reader, StreamId stream) {
        String key = key(reader, stream);
        if (releasing.contains(key)) {
            return true;
        }
        Set<String> keys = keys();
        return !keys.isEmpty() && keys.contains(key);
    }

    /**
     * Whether this failure, on this delivery of a message, parks its stream rather than have it redelivered:
     * from the {@code park-after-deliveries}th on, unless the database itself failed (no connection, or one
     * lost): the event is not at fault then, and parking it would stop a healthy stream for nothing.
     */
    public boolean parks(int delivery, RuntimeException failure) {
        return delivery >= parkAfter && !outage(failure);
    }

    private static boolean outage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof ResourceException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    public void park(String reader, RecordedEvent event, RuntimeException failure) {
        String error = NotHandled.rootOf(failure);
        parked.park(reader, event, error);
        readAt = 0;
        LOG.warning(() -> event.stream() + " parked for " + reader + " at " + event.type() + " v" + event.streamVersion()
                + " (position " + event.position() + "): " + error);
    }

    public List<ParkedStreams.Parked> all() {
        return parked.all();
    }

    /** What a retry or a skip did: the events taken, or the event that failed again (the stream parked again there). */
    public record Outcome(int taken, Optional<RecordedEvent> failedAt, String error) {
    }

    /** Releases the stream and has the reader take its events from the parked one on; empty if it was not parked. */
    public Optional<Outcome> retry(String reader, StreamId stream) {
        return release(reader, stream, false);
    }

    /** As {@link #retry}, the parked event skipped (the reader passes over it) first. */
    public Optional<Outcome> skip(String reader, StreamId stream) {
        return release(reader, stream, true);
    }

    private Optional<Outcome> release(String name, StreamId stream, boolean skipFirst) {
        Optional<Readers.Reader> reader = readers.named(name);
        String key = key(name, stream);
        // while it is taken from the log, the stream stays held here: a live delivery of one of its events
        // in between would take it out of order, or twice
        if (reader.isEmpty() || !releasing.add(key)) {
            return Optional.empty();
        }
        try {
            Optional<ParkedStreams.Parked> released = parked.release(name, stream);
            readAt = 0;
            return released.map(at -> take(reader.get(), stream, at, skipFirst));
        } finally {
            releasing.remove(key);
        }
    }

    /** The stream's events from the parked one on, and those committed meanwhile, in order. */
    private Outcome take(Readers.Reader reader, StreamId stream, ParkedStreams.Parked at, boolean skipFirst) {
        int taken = 0;
        int version = at.version() - 1;
        for (List<RecordedEvent> events = log.readStream(stream, version); !events.isEmpty();
             events = log.readStream(stream, version)) {
            for (RecordedEvent event : events) {
                try {
                    if (skipFirst && event.streamVersion() == at.version()) {
                        reader.skip(event);
                    } else {
                        reader.take(event, other -> !other.equals(stream) && holds(reader.name(), other));
                    }
                    taken++;
                    version = event.streamVersion();
                } catch (RuntimeException e) {
                    park(reader.name(), event, e);
                    return new Outcome(taken, Optional.of(event), NotHandled.rootOf(e));
                }
            }
        }
        int count = taken;
        LOG.info(() -> stream + " released for " + reader.name() + (skipFirst ? ", v" + at.version() + " skipped" : "")
                + ": " + count + " events taken");
        return new Outcome(taken, Optional.empty(), null);
    }

    /** The parked streams' keys, read again if a second old; the last ones read while the database is away. */
    private Set<String> keys() {
        if (System.nanoTime() - readAt > REFRESH_NANOS || readAt == 0) {
            try {
                known = parked.all().stream().map(p -> key(p.reader(), p.stream())).collect(Collectors.toUnmodifiableSet());
                readAt = System.nanoTime();
            } catch (EventLogFailure e) {
                LOG.fine(() -> "Parked streams not read, the last ones kept: " + e);
            }
        }
        return known;
    }

    private static String key(String reader, StreamId stream) {
        return reader + " " + stream.type() + " " + stream.id();
    }
}
