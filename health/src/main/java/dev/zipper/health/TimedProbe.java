package dev.zipper.health;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A probe that answers within {@value #TIMEOUT_SECONDS} s whatever its resource does: a pool waiting
 * for a database that is gone, or a connection factory reconnecting to a broker that is down, can block
 * far longer. It runs on the executor, at most one at a time: while one is still stuck, the next check
 * fails at once instead of tying up another thread.
 */
public final class TimedProbe implements Probe {

    private static final long TIMEOUT_SECONDS = 3;

    private final ExecutorService executor;
    private final Probe probe;
    private final AtomicReference<Future<String>> running = new AtomicReference<>();

    public TimedProbe(ExecutorService executor, Probe probe) {
        this.executor = executor;
        this.probe = probe;
    }

    @Override
    public String check() throws Exception {
        Future<String> previous = running.get();
        if (previous != null && !previous.isDone()) {
            throw new TimeoutException("the previous check has not answered yet");
        }
        Future<String> current = executor.submit(probe::check);
        running.set(current);
        try {
            return current.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
