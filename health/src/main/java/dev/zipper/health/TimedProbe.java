package dev.zipper.health;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A probe that answers within {@value #TIMEOUT_SECONDS} s whatever its resource does: a pool waiting
 * for a database that is gone, or a connection factory reconnecting to a broker that is down, can block
 * far longer. It runs on a thread of its own, made when the probe is (so with the application's context:
 * pass a ManagedThreadFactory; the health endpoint's threads belong to the server, and Payara refuses
 * them the application's managed executor), one check at a time: while one is stuck, the next fails at
 * once instead of queueing. Close it when the part that made it stops.
 */
public final class TimedProbe implements Probe, AutoCloseable {

    private static final long TIMEOUT_SECONDS = 3;

    private final Probe probe;
    private final ThreadPoolExecutor thread;
    private Future<String> last;

    public TimedProbe(ThreadFactory threads, Probe probe) {
        this.probe = probe;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
        thread.prestartAllCoreThreads();
    }

    @Override
    public synchronized String check() throws Exception {
        if (last != null && !last.isDone()) {
            throw new TimeoutException("the previous check has not answered yet");
        }
        last = thread.submit(probe::check);
        try {
            return last.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
