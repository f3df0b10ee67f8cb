package dev.zipper.log;

import dev.zipper.relay.LogAppended;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clients that watch {@code GET /log} live ({@link LiveLog}): each second while one watches, and
 * right after a command commits here, the log's status is read once and sent to all of them as an SSE
 * event {@code status}.
 */
@ApplicationScoped
public class LogWatchers {

    private static final Logger LOG = Logger.getLogger(LogWatchers.class.getName());

    /** Few: operators' consoles, each costing a status read a second between them. */
    static final int MAX = 16;

    private record Watcher(SseEventSink sink, Sse sse) {
    }

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

    @Inject
    private LogEndpoint endpoint;

    /** A thread of its own: a task of the server's scheduled executor is refused while the server suspends. */
    @Resource
    private ManagedThreadFactory threads;

    private ScheduledExecutorService scheduler;

    /** A tick asked for and not yet run: a burst of commits costs one status read. */
    private final AtomicBoolean nudged = new AtomicBoolean();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        watchers.forEach(watcher -> watcher.sink().close());
    }

    /** Sends the status at once, then every second; false if there are too many watchers already. */
    boolean add(SseEventSink sink, Sse sse) {
        synchronized (watchers) {
            if (watchers.size() >= MAX) {
                return false;
            }
            watchers.add(new Watcher(sink, sse));
        }
        scheduler.execute(this::tick);
        return true;
    }

    /** A command committed here: the watchers see the new head now, not at the next second. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LogAppended appended) {
        if (!watchers.isEmpty() && nudged.compareAndSet(false, true)) {
            scheduler.execute(this::tick);
        }
    }

    private void tick() {
        nudged.set(false);
        watchers.removeIf(watcher -> watcher.sink().isClosed());
        if (watchers.isEmpty()) {
            return;
        }
        String status;
        try {
            status = endpoint.status();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Log status not read; the next second tries again", e);
            return;
        }
        for (Watcher watcher : watchers) {
            watcher.sink().send(watcher.sse().newEventBuilder().name("status").data(status).build())
                    .exceptionally(failed -> {
                        watcher.sink().close();
                        return null;
                    });
        }
    }
}
