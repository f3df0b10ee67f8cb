package dev.zipper.log;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.relay.LogAppended;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clients of {@code GET /events} on this server, at most {@code zipper.events.max-subscribers}
 * (default 32). They are pumped when a command on this server commits, when another instance sharing
 * the database says it appended ({@link LogListener}, PostgreSQL), and once a second if the log's head
 * has moved past them (what a lost notification, or H2, leaves): one query of the head a second for all
 * of them, not one per client. Each gets a heartbeat every
 * {@code zipper.events.heartbeat-seconds} (default 15).
 */
@ApplicationScoped
public class EventSubscribers {

    private static final int PUMPS = 4;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicLong ticks = new AtomicLong();

    @Inject
    private EventLog log;

    /**
     * Threads of their own: a client slow to take its events must not hold the application's executor, and
     * the tick must not be refused, as a task of the server's scheduled executor is, while the server
     * suspends on its way to a clean stop.
     */
    @Resource
    private ManagedThreadFactory threads;

    private ExecutorService executor;

    private ScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "zipper.events.max-subscribers", defaultValue = "32")
    private int maxSubscribers;

    @Inject
    @ConfigProperty(name = "zipper.events.heartbeat-seconds", defaultValue = "15")
    private int heartbeatSeconds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor = Executors.newFixedThreadPool(PUMPS, threads);
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        subscribers.forEach(Subscriber::close);
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Adds one, and starts sending it the log from where it asked; false if there are too many already. */
    boolean add(Subscriber subscriber) {
        synchronized (subscribers) {
            if (subscribers.size() >= maxSubscribers) {
                return false;
            }
            subscribers.add(subscriber);
        }
        subscriber.greet();
        subscriber.pump(log, executor);
        return true;
    }

    int max() {
        return maxSubscribers;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LogAppended appended) {
        pumpAll();
    }

    /** Sends each subscriber what the log holds past it: a command committed here or on another instance. */
    void pumpAll() {
        subscribers.forEach(subscriber -> subscriber.pump(log, executor));
    }

    private void tick() {
        subscribers.removeIf(Subscriber::closed);
        if (subscribers.isEmpty()) {
            return;
        }
        if (ticks.incrementAndGet() % heartbeatSeconds == 0) {
            subscribers.forEach(Subscriber::heartbeat);
        }
        try {
            long head = log.head();
            subscribers.stream().filter(subscriber -> subscriber.behind(head)).forEach(subscriber -> subscriber.pump(log, executor));
        } catch (EventLogFailure e) {
            // the database is away: the next tick tries again
        }
    }
}
