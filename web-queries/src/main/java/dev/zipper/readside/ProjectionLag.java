package dev.zipper.readside;

import dev.zipper.eventstore.EventLog;
import dev.zipper.health.Probes;
import dev.zipper.health.TimedProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How far behind the log each projection is, read from the read tables (the last position a row
 * took) and the log, so it is right after a restart too. Readiness fails while a projection is more
 * than {@code zipper.readiness.max-lag-events} events or {@code zipper.readiness.max-lag-seconds}
 * seconds behind: the reads it serves are that stale. The metric {@code zipper_projection_lag_events}
 * gives the same count.
 */
@ApplicationScoped
public class ProjectionLag {

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Inject
    private EventLog log;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private ReadSide readSide;

    @Inject
    private Probes probes;

    @Inject
    private MeterRegistry registry;

    @Inject
    @ConfigProperty(name = "zipper.readiness.max-lag-events", defaultValue = "5000")
    private long maxEvents;

    @Inject
    @ConfigProperty(name = "zipper.readiness.max-lag-seconds", defaultValue = "30")
    private long maxSeconds;

    private TimedProbe probe;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        probe = new TimedProbe(threads, this::check);
        probes.readiness("projections", probe);
        for (Projection<?, ?> projection : readSide.projections()) {
            Gauge.builder("zipper.projection.lag.events", () -> of(projection).events()).tag("projection", projection.name())
                    .description("Events of the stream type it follows that the projection has not applied yet")
                    .strongReference(true).register(registry);
        }
    }

    @PreDestroy
    void stop() {
        if (probe != null) {
            probe.close();
        }
    }

    /** Each projection's lag, by name. */
    public List<Lag> all() {
        return readSide.projections().stream().map(this::of).toList();
    }

    private Lag of(Projection<?, ?> projection) {
        long applied = appliedPosition(projection);
        EventLog.Backlog backlog = log.backlog(projection.follows().streamType(), applied);
        return new Lag(projection.name(), applied, backlog.events(),
                backlog.oldest().map(oldest -> Duration.between(oldest, Instant.now())).orElse(Duration.ZERO));
    }

    /**
     * @param projection      its name
     * @param appliedPosition the last log position its rows took (0: none yet)
     * @param events          events of the type it follows after that position
     * @param behind          how long ago the oldest of those was recorded
     */
    public record Lag(String projection, long appliedPosition, long events, Duration behind) {
    }

    private long appliedPosition(Projection<?, ?> projection) {
        String entity = em.getMetamodel().entity(projection.rows()).getName();
        Long position = em.createQuery("SELECT MAX(r.lastPosition) FROM " + entity + " r", Long.class).getSingleResult();
        return position == null ? 0 : position;
    }

    private String check() {
        List<Lag> lags = all();
        String summary = lags.stream()
                .map(lag -> lag.projection() + " " + lag.events() + " events behind (" + lag.behind().toMillis() / 1000.0 + " s)")
                .collect(Collectors.joining(", "));
        if (lags.stream().anyMatch(lag -> lag.events() > maxEvents || lag.behind().toSeconds() > maxSeconds)) {
            throw new IllegalStateException(summary + "; ready at most " + maxEvents + " events or " + maxSeconds + " s behind");
        }
        return summary.isEmpty() ? "no projections" : summary;
    }
}
