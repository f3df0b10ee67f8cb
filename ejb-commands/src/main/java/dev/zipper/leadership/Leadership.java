package dev.zipper.leadership;

import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.eventstore.Leases;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which instance leads, when several share the database: the one holding the lease {@value #LEASE}
 * ({@link Leases}), and with it the work that must run on one instance at a time (the relay, the payment
 * deadlines, the idempotency-key purge). Every instance tries each second to take or renew it, for
 * {@link #TTL}: a leader that dies hands it to another within three to four seconds, one that stops
 * cleanly at once. An instance judges that it leads by its own clock, from just before its last renewal,
 * for less than the lease lasts by the database's clock; an instance paused past that (SIGSTOP, a long GC)
 * may still act once on waking, and what it would record is refused by the lease's term (fencing).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Leadership {

    public static final String LEASE = "leader";
    static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration MARGIN = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(Leadership.class.getName());

    @Inject
    private Leases leases;

    @Inject
    private MeterRegistry registry;

    /** Threads of its own: renewing must go on whatever the application's executors are busy with. */
    @Resource
    private ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "zipper.instance")
    private Optional<String> configuredName;

    private String instance;
    private ScheduledExecutorService renewals;
    private volatile Leases.Lease lease;
    private volatile long renewedAtNanos;

    @PostConstruct
    void start() {
        // unique per start: a restarted instance is a new holder, in a new term
        instance = configuredName.orElse(ManagementFactory.getRuntimeMXBean().getName()) + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        registry.gauge("zipper.leader", this, leadership -> leadership.current().isPresent() ? 1 : 0);
        registry.gauge("zipper.leader.term", this, leadership -> leadership.current().map(Leases.Lease::term).orElse(0L));
        renew(); // at once: a single instance leads from its start
        renewals = Executors.newSingleThreadScheduledExecutor(threads);
        renewals.scheduleWithFixedDelay(this::renew, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
        current().ifPresent(held -> {
            lease = null;
            leases.release(held);
            LOG.info(() -> "Gave up the lead (term " + held.term() + ") on stopping");
        });
    }

    /** This instance's name among the holders: its configured name (or pid@host) and a suffix for this start. */
    public String instance() {
        return instance;
    }

    /** The lease if this instance leads now. */
    public Optional<Leases.Lease> current() {
        Leases.Lease held = lease;
        boolean fresh = System.nanoTime() - renewedAtNanos < TTL.minus(MARGIN).toNanos();
        return held != null && fresh ? Optional.of(held) : Optional.empty();
    }

    public boolean leads() {
        return current().isPresent();
    }

    private void renew() {
        long before = System.nanoTime();
        Leases.Lease was = lease;
        try {
            Optional<Leases.Lease> held = leases.hold(LEASE, instance, TTL);
            renewedAtNanos = before;
            lease = held.orElse(null);
        } catch (EventLogFailure e) {
            // the database is away: this instance cannot know it still leads, and current() lapses by itself
            LOG.fine(() -> "Could not renew the lead: " + e);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not renew the lead: " + e); // caught: a periodic task that throws runs no more
        }
        Leases.Lease now = lease;
        if (now != null && (was == null || was.term() != now.term())) {
            LOG.info(() -> instance + " leads, in term " + now.term());
        } else if (now == null && was != null) {
            LOG.info(() -> instance + " no longer leads (term " + was.term() + " ended)");
        }
    }
}
