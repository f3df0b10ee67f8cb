package dev.zipper.relay;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.Leases;
import dev.zipper.eventstore.ReaderPositions;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.health.Probes;
import dev.zipper.health.TimedProbe;
import dev.zipper.leadership.Leadership;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox relay: the events table is the outbox. One loop reads the log in position order from
 * where it last got to, publishes each batch, then records the new position. A crash between the two
 * re-sends the batch, which the broker's duplicate detection and the projections' version checks
 * absorb; nothing committed is ever skipped. The broker refuses a whole transaction that holds one
 * duplicate, so the first batch after a start or a failure, which may have gone out before, is sent
 * message by message; the batches after it, one transaction each. A command's commit wakes the loop at
 * once (the fast path); without that it still polls, so no event depends on the wake-up, and while the
 * broker is down commands go on committing and the backlog goes out in order once it is back.
 * <p>
 * Where several instances share the database, only the leader publishes ({@link Leadership}); the others'
 * loops stand by. The position is recorded only while the leader's term holds ({@link
 * ReaderPositions#saveWhileHeld}), so a leader paused past its lease records nothing on waking and stops.
 * The one batch it may have sent on waking is harmless: those events are committed, the new leader sends
 * them too, and the read side drops a duplicate and applies an early event after its predecessors, read
 * from the log.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "Leadership"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LogRelay {

    /** The relay's name among the log's readers (table log_readers). */
    public static final String READER = "relay";

    private static final Logger LOG = Logger.getLogger(LogRelay.class.getName());
    private static final int BATCH = 500;
    private static final long POLL_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    @Inject
    private EventLog log;

    @Inject
    private ReaderPositions positions;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private EventPublisher publisher;

    @Inject
    private MeterRegistry registry;

    @Inject
    private Probes probes;

    @Inject
    private Leadership leadership;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Future<?> loop;
    /** Published up to here (-1 until the loop has read its position). */
    private final AtomicLong published = new AtomicLong(-1);
    /** When the current run of failures began (0: not failing), and what the last one was. */
    private volatile long failingSince;
    private volatile String lastFailure;
    private Counter batches;
    private Counter events;
    private Counter failures;
    private TimedProbe brokerProbe;

    @PostConstruct
    void start() {
        registry.gauge("zipper.relay.published.position", published);
        batches = registry.counter("zipper.relay.batches");
        events = registry.counter("zipper.relay.events.published");
        failures = registry.counter("zipper.relay.failures");
        running = true;
        loop = executor.submit(this::relay);
        probes.liveness("relay-loop", () -> {
            if (!status().looping()) {
                throw new IllegalStateException("the relay's loop has ended");
            }
            return "running";
        });
        probes.readiness("relay", () -> {
            Status status = status();
            if (status.failingSince().isPresent()) {
                throw new IllegalStateException("failing since " + status.failingSince().get() + ": " + status.lastFailure());
            }
            return leadership.leads() ? "published up to position " + status.published()
                    : "standing by: another instance leads and publishes";
        });
        brokerProbe = new TimedProbe(threads, () -> {
            publisher.connect();
            return "connected";
        });
        probes.readiness("broker", brokerProbe);
    }

    /** Where the relay stands, for health checks and operators. */
    public Status status() {
        long since = failingSince;
        return new Status(running && !loop.isDone(), published.get(),
                since == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(since)), lastFailure);
    }

    /**
     * @param looping      the loop is alive (it ends only when the application stops)
     * @param published    the last position published (-1 before the loop started)
     * @param failingSince when publishing began to fail, if it is failing now
     * @param lastFailure  the last failure, in one line (null if none)
     */
    public record Status(boolean looping, long published, Optional<Instant> failingSince, String lastFailure) {
    }

    @PreDestroy
    void stop() {
        running = false;
        wakeUp.release();
        loop.cancel(true);
        brokerProbe.close();
    }

    /** The fast path: a command has committed, so publish now rather than at the next poll. */
    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LogAppended appended) {
        wake();
    }

    /** Publish now, not at the next poll: a command committed here or on another instance. */
    public void wake() {
        wakeUp.release(); // permits piling up are drained by the next wait
    }

    private void relay() {
        Leases.Lease term = null; // the leader's term this loop publishes in (null: standing by)
        Long position = null;
        boolean maybeSent = true;
        long backoff = 100;
        while (running) {
            try {
                Optional<Leases.Lease> lead = leadership.current();
                if (term != null && (lead.isEmpty() || lead.get().term() != term.term())) {
                    LOG.info("Relay stops publishing: this instance's term " + term.term() + " as leader has ended");
                    term = null;
                }
                if (lead.isEmpty()) {
                    await(POLL_MILLIS);
                    continue;
                }
                if (term == null) {
                    term = lead.get();
                    position = null;
                    maybeSent = true;
                }
                if (position == null) {
                    position = positions.position(READER);
                    published.set(position);
                    LOG.info("Relay publishing the log after position " + position + " (head " + log.head() + "), "
                            + "as leader in term " + term.term());
                }
                List<RecordedEvent> batch = log.readLogSealed(position, BATCH);
                if (!batch.isEmpty()) {
                    if (maybeSent) {
                        publisher.publishEach(batch);
                    } else {
                        publisher.publishBatch(batch);
                    }
                    maybeSent = false;
                    long last = batch.get(batch.size() - 1).position();
                    if (!positions.saveWhileHeld(READER, last, term)) {
                        LOG.info("Relay's term " + term.term() + " as leader ended before it recorded position " + last
                                + "; the new leader publishes from the position it finds");
                        term = null;
                        continue;
                    }
                    position = last;
                    published.set(position);
                    batches.increment();
                    events.increment(batch.size());
                }
                if (failingSince != 0) {
                    LOG.info("Relay publishing again after " + (System.currentTimeMillis() - failingSince) / 1000
                            + " s; published up to position " + position + " (head " + log.head() + ")");
                    failingSince = 0;
                    backoff = 100;
                }
                if (batch.size() < BATCH) {
                    await(POLL_MILLIS);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                maybeSent = true;
                lastFailure = String.valueOf(e);
                failures.increment();
                if (failingSince == 0) {
                    failingSince = System.currentTimeMillis();
                    LOG.log(Level.WARNING, "Relay cannot publish after position " + position
                            + "; commands still commit and will be published once this clears", e);
                }
                pause(backoff); // not woken by commits: those would only retry what just failed
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Waits for a wake-up or the timeout, whichever comes first. */
    private void await(long millis) {
        try {
            wakeUp.tryAcquire(millis, TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
