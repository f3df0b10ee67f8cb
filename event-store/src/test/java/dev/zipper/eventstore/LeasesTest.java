package dev.zipper.eventstore;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One holder at a time, by the database's clock, and fencing: a holder paused past its lease (here: it
 * simply stops renewing, as a process under SIGSTOP or a long GC pause does) records nothing once another
 * has taken the lease over. On H2, and on PostgreSQL when ZIPPER_DB_URL names one.
 */
class LeasesTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(30);

    private final TestDatabase database = TestDatabase.fresh();
    private final Leases leases = new Leases(database.dataSource());
    private final ReaderPositions positions = new ReaderPositions(database.dataSource());

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void oneHolderAtATimeWhoRenewsInTheSameTerm() {
        Leases.Lease first = leases.hold("leader", "a", LONG).orElseThrow();
        assertThat(first.term()).isEqualTo(1);
        assertThat(leases.hold("leader", "b", LONG)).as("taken while a holds it").isEmpty();
        assertThat(leases.hold("leader", "a", LONG)).as("renewed").contains(first);
        assertThat(leases.current("leader").orElseThrow().holder()).isEqualTo("a");
    }

    @Test
    void aPausedHolderRecordsNothingOnceAnotherHasTakenItsExpiredLease() {
        Leases.Lease paused = leases.hold("leader", "a", SHORT).orElseThrow();
        assertThat(positions.saveWhileHeld("relay", 10, paused)).isTrue();

        Leases.Lease next = takeOnceExpired("b");
        assertThat(next.term()).isEqualTo(paused.term() + 1);
        assertThat(positions.saveWhileHeld("relay", 20, next)).isTrue();

        // a wakes up with a batch read before its pause: it may not record it, nor take the lease back
        assertThat(positions.saveWhileHeld("relay", 15, paused)).isFalse();
        assertThat(positions.saveWhileHeld("relay", 30, paused)).isFalse();
        assertThat(positions.position("relay")).isEqualTo(20);
        assertThat(leases.hold("leader", "a", SHORT)).isEmpty();
        leases.release(paused);
        assertThat(leases.current("leader").orElseThrow().holder()).as("a's release of its old term").isEqualTo("b");
    }

    @Test
    void anExpiredLeaseRenewedByItsHolderIsANewTermThatFencesTheOldOne() {
        Leases.Lease before = leases.hold("leader", "a", SHORT).orElseThrow();
        Leases.Lease after = takeOnceExpired("a");
        assertThat(after.term()).isEqualTo(before.term() + 1);
        assertThat(positions.saveWhileHeld("relay", 5, before)).isFalse();
        assertThat(positions.saveWhileHeld("relay", 5, after)).isTrue();
    }

    @Test
    void aPositionIsNeverSavedBackwards() {
        Leases.Lease lease = leases.hold("leader", "a", LONG).orElseThrow();
        assertThat(positions.saveWhileHeld("relay", 50, lease)).isTrue();
        assertThat(positions.saveWhileHeld("relay", 40, lease)).isFalse();
        assertThat(positions.position("relay")).isEqualTo(50);
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        Leases.Lease lease = leases.hold("leader", "a", LONG).orElseThrow();
        leases.release(lease);
        assertThat(leases.hold("leader", "b", LONG)).hasValueSatisfying(b -> assertThat(b.term()).isEqualTo(2));
    }

    /** Polls (bounded) until the lease has expired by the database's clock, then has {@code holder} take it. */
    private Leases.Lease takeOnceExpired(String holder) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (leases.current("leader").orElseThrow().held()) {
            assertThat(System.nanoTime()).as("the lease expired within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
        return leases.hold("leader", holder, LONG).orElseThrow();
    }
}
