package dev.zipper.process;

import dev.zipper.domain.Followed;
import dev.zipper.domain.ProcessType;
import dev.zipper.eventstore.RecordedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One process instance's steps on this server, one at a time. The events an instance follows come from
 * many streams (an order's lines reserved on four products), so several delivery sessions hold steps of
 * one instance at once; run together, all but one lose the race for the instance's stream and pause
 * before trying again, which cost the store 6 ms a line (bench/RESULTS.md, issue 25). Taking turns here,
 * outside the step's transaction, they queue instead. Instances on other servers still race, and
 * {@code Races} settles that. A fixed set of locks: two instances that share one wait for each other, briefly.
 */
@ApplicationScoped
public class InstanceTurns {

    private static final int LOCKS = 64;

    private final ReentrantLock[] locks = new ReentrantLock[LOCKS];

    public InstanceTurns() {
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs the step the event may cause once no other step of the same instance runs here (at once if it concerns none). */
    public <F extends Followed<S, E>, E, S> void take(ProcessType<F, E, S> type, RecordedEvent event, Runnable step) {
        Optional<String> instance = ProcessStep.followed(type, event).flatMap(Followed::instance);
        if (instance.isEmpty()) {
            step.run();
            return;
        }
        ReentrantLock lock = locks[Math.floorMod((type.streamType() + '/' + instance.get()).hashCode(), LOCKS)];
        lock.lock();
        try {
            step.run();
        } finally {
            lock.unlock();
        }
    }
}
