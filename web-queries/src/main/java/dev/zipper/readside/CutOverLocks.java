package dev.zipper.readside;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Per projection, a lock that the transactions writing its live table on this server share, and that a
 * cut-over ({@link Projector#cutOver}) takes alone: it waits for those under way to commit, and none
 * starts until it has. (Other instances' writers wait on the database's table lock instead.)
 */
@ApplicationScoped
public class CutOverLocks {

    private final Map<String, ReadWriteLock> byProjection = new ConcurrentHashMap<>();

    /** Runs a transaction that writes the projection's live table. */
    public void writing(String projection, Runnable work) {
        var lock = of(projection).readLock();
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Runs the cut-over, no writer of the projection's live table on this server meanwhile. */
    public <T> T alone(String projection, Supplier<T> cutOver) {
        var lock = of(projection).writeLock();
        lock.lock();
        try {
            return cutOver.get();
        } finally {
            lock.unlock();
        }
    }

    private ReadWriteLock of(String projection) {
        return byProjection.computeIfAbsent(projection, name -> new ReentrantReadWriteLock());
    }
}
