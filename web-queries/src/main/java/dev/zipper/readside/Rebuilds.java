package dev.zipper.readside;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.Leases;
import dev.zipper.health.Probes;
import dev.zipper.health.TimedProbe;
import dev.zipper.leadership.Leadership;
import dev.zipper.schema.SchemaMigration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Rebuilds a projection from the log while its live table keeps serving and keeps being updated: a new
 * generation of its tables (schema zipper_next, {@link NextGeneration}) is filled from the first event on,
 * a batch of 500 a transaction, then the cut-over brings it to the end of the log and puts its rows in
 * place of the live ones in one transaction ({@link Projector#cutOver}). Started by an operator
 * ({@code POST /log/projections/{name}/rebuild}), or on deployment for a projection whose declared version
 * is above the one its table was built by. One instance rebuilds a projection at a time (a lease); its
 * progress (position, events/s, time left) is kept in the database, so {@code GET /log}, the metrics and
 * readiness on every instance show it. A rebuild cut short (the server stopped or killed: its lease
 * expired) is begun again by the next check, here or on another instance; the live table was never touched.
 */
@ApplicationScoped
public class Rebuilds {

    private static final Logger LOG = Logger.getLogger(Rebuilds.class.getName());
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final long RECENT_NANOS = 1_000_000_000L;

    @Inject
    private ReadSide readSide;

    @Inject
    private Projector projector;

    @Inject
    private CutOverLocks locks;

    @Inject
    private EventLog log;

    @Inject
    private Leases leases;

    @Inject
    private Leadership leadership;

    @Inject
    private Probes probes;

    @Inject
    private MeterRegistry registry;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    /**
     * The checks run on a thread of their own: a task of the server's scheduled executor is refused, and the
     * refusal logged as an error, while the server suspends on its way to a clean stop.
     */
    private ScheduledExecutorService scheduler;

    @Resource
    private ManagedThreadFactory threads;

    private ProjectionGenerations generations;
    private TimedProbe probe;
    private volatile List<ProjectionGenerations.Generation> lastRead = List.of();
    private volatile long readAt;
    /** The projections this server is rebuilding. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Whether a rebuild could be started: it was, or the projection is rebuilding already (here or elsewhere). */
    public enum Started { STARTED, ALREADY, UNKNOWN }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        generations = new ProjectionGenerations(dataSource);
        probe = new TimedProbe(threads, this::describe);
        probes.readiness("rebuilds", probe); // never down for a rebuild: the live tables serve meanwhile
        for (Projection<?, ?> projection : readSide.projections()) {
            Gauge.builder("zipper.projection.rebuild.position", () -> recent().stream()
                            .filter(g -> g.projection().equals(projection.name()) && g.rebuilding())
                            .mapToLong(ProjectionGenerations.Generation::position).findFirst().orElse(0))
                    .tag("projection", projection.name()).strongReference(true)
                    .description("How far a rebuild under way has read the log (0: none under way)").register(registry);
            Gauge.builder("zipper.projection.rebuild.events_per_second", () -> recent().stream()
                            .filter(g -> g.projection().equals(projection.name()) && g.rebuilding())
                            .mapToDouble(ProjectionGenerations.Generation::eventsPerSecond).findFirst().orElse(0))
                    .tag("projection", projection.name()).strongReference(true)
                    .description("The log events a rebuild under way reads a second (0: none under way)").register(registry);
        }
        // now and every 10 s: a projection whose definition is newer than its table, or whose rebuild was cut
        // short, is rebuilt, here or on another instance (a lease)
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        scheduler.scheduleWithFixedDelay(this::rebuildStale, 0, 10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            probe.close();
        }
    }

    private void rebuildStale() {
        try {
            for (Projection<?, ?> projection : readSide.projections()) {
                ProjectionGenerations.Generation generation = generations.of(projection.name(), projection.version());
                boolean stale = generation.version() < projection.version();
                boolean cutShort = generation.rebuilding() && leases.current(lease(projection)).filter(Leases.Holder::held).isEmpty();
                if ((stale || cutShort) && rebuild(projection) == Started.STARTED) {
                    LOG.info(() -> projection.name() + (stale ? " is at version " + projection.version() + ", its table older"
                            : ": a rebuild was cut short") + ": rebuilding it");
                }
            }
        } catch (RuntimeException e) { // the database away, or not migrated yet: the next check tries again
            LOG.fine(() -> "Projections' versions not checked: " + e);
        }
    }

    /** Starts rebuilding the projection named, in the background. */
    public Started rebuild(String name) {
        return readSide.projections().stream().filter(p -> p.name().equals(name)).findFirst().map(this::rebuild)
                .orElse(Started.UNKNOWN);
    }

    /** Every projection's generation, with the rebuild under way or last done. */
    public List<ProjectionGenerations.Generation> all() {
        return generations.all();
    }

    /** The generations as read at most a second ago: one scrape's gauges (two a projection) share one read. */
    private List<ProjectionGenerations.Generation> recent() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > RECENT_NANOS) {
            lastRead = generations.all();
            readAt = now;
        }
        return lastRead;
    }

    private Started rebuild(Projection<?, ?> projection) {
        if (!running.add(projection.name())) {
            return Started.ALREADY;
        }
        if (leases.hold(lease(projection), leadership.instance(), LEASE).isEmpty()) {
            running.remove(projection.name());
            return Started.ALREADY;
        }
        generations.of(projection.name(), projection.version());
        generations.started(projection.name(), projection.version(), log.head());
        executor.submit(() -> run(projection));
        return Started.STARTED;
    }

    private <E, R extends ReadRow<E>> void run(Projection<E, R> projection) {
        NextGeneration tables = NextGeneration.of(projection.rows());
        try {
            generations.run(tables.prepare());
            long started = System.nanoTime();
            long position = 0;
            long head = log.head();
            // batches until the rest is one batch: the cut-over, which holds the live table's writers, takes it
            while (head - position > 500) {
                position = projector.applyToNext(projection, position);
                head = log.head();
                double rate = position / Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                generations.progress(projection.name(), position, head, rate);
                if (leases.hold(lease(projection), leadership.instance(), LEASE).isEmpty()) {
                    throw new IllegalStateException("the lease " + lease(projection) + " was lost");
                }
            }
            long from = position;
            long last = locks.alone(projection.name(), () -> projector.cutOver(projection, from, tables));
            generations.finished(projection.name(), projection.version(), last);
            LOG.info(() -> projection.name() + " rebuilt from the log up to position " + last + " in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        } catch (RuntimeException e) {
            LOG.warning(() -> projection.name() + ": rebuild failed, the live table unchanged: " + e);
            generations.failed(projection.name(), e.toString());
        } finally {
            running.remove(projection.name());
            try {
                generations.run(tables.drop());
                leases.current(lease(projection)).filter(holder -> holder.holder().equals(leadership.instance()))
                        .ifPresent(holder -> leases.release(new Leases.Lease(lease(projection), holder.holder(), holder.term(),
                                holder.since())));
            } catch (RuntimeException e) { // the next rebuild drops the tables first; the lease expires
                LOG.fine(() -> projection.name() + ": a rebuild's leftovers not cleared: " + e);
            }
        }
    }

    /** Readiness's words on the rebuilds under way: "none", or each with its percentage and time left. */
    private String describe() {
        String under = recent().stream().filter(ProjectionGenerations.Generation::rebuilding)
                .map(g -> g.projection() + " " + percent(g) + "%" + secondsLeft(g).map(s -> ", " + s + " s left").orElse(""))
                .collect(Collectors.joining("; "));
        return under.isEmpty() ? "none under way" : "rebuilding " + under;
    }

    static long percent(ProjectionGenerations.Generation g) {
        return g.head() == 0 ? 0 : Math.min(100, 100 * g.position() / g.head());
    }

    public static Optional<Long> secondsLeft(ProjectionGenerations.Generation g) {
        return g.eventsPerSecond() <= 0 ? Optional.empty()
                : Optional.of((long) Math.ceil(Math.max(0, g.head() - g.position()) / g.eventsPerSecond()));
    }

    private static String lease(Projection<?, ?> projection) {
        return "rebuild:" + projection.name();
    }
}
