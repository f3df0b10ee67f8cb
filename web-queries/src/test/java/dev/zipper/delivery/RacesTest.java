package dev.zipper.delivery;

import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.RecordedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures are a race another transaction won, and how the read side settles them without the broker. */
class RacesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Races races = new Races();

    RacesTest() {
        races.measure(registry);
    }

    /** EclipseLink's own optimistic lock failure is not a subclass of JPA's: it is known by its name. */
    static final class OptimisticLockException extends RuntimeException {
    }

    @Test
    void aStaleRowARowInsertedTwiceAndALostAppendAreRacesHoweverTheContainerWrapsThem() {
        assertThat(Races.lost(new EJBException(new ConcurrencyConflict("s1", 2, 3)))).isTrue();
        assertThat(Races.lost(new PersistenceException(new jakarta.persistence.OptimisticLockException("stale")))).isTrue();
        assertThat(Races.lost(new RuntimeException(new OptimisticLockException()))).isTrue();
        assertThat(Races.lost(new PersistenceException(new SQLException("duplicate key value violates unique constraint "
                + "\"order_view_pkey\"", "23505")))).isTrue();
    }

    @Test
    void aDatabaseAwayOrABugIsNotARace() {
        assertThat(Races.lost(new PersistenceException(new SQLException("Connection refused", "08001")))).isFalse();
        assertThat(Races.lost(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aLostRaceRunsAgainAndIsCountedAGenuineFailureLeavesAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        races.settle("order-view", () -> {
            if (runs.incrementAndGet() < 3) {
                throw new EJBException(new ConcurrencyConflict("s1", 1, 2));
            }
        });
        assertThat(runs).hasValue(3);
        assertThat(registry.counter("zipper.read_side.races", "handler", "order-view").count()).isEqualTo(2);

        AtomicInteger failing = new AtomicInteger();
        assertThatThrownBy(() -> races.settle("order-view", () -> {
            failing.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).hasMessage("a bug");
        assertThat(failing).hasValue(1);
    }

    @Test
    void aRaceLostTwentyTimesInARowLeavesTheDeliveryForTheBrokerToRedeliver() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> races.settle("payment-view", () -> {
            runs.incrementAndGet();
            throw new ConcurrencyConflict("s1", 1, 2);
        })).isInstanceOf(ConcurrencyConflict.class);
        assertThat(runs).hasValue(20);
    }

    @Test
    void thePausesBetweenAttemptsGrowUntilAQuarterOfASecond() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Races.pauseNanos(1)).isBetween(1_000_000L, 2_000_000L);
            assertThat(Races.pauseNanos(4)).isBetween(1_000_000L, 16_000_000L);
            assertThat(Races.pauseNanos(11)).isBetween(1_000_000L, 250_000_000L);
        }
    }

    @Test
    void aGenuineFailureIsOneLineNamingTheEventAndItsRootCauseWithoutATrace() {
        RecordedEvent event = new RecordedEvent(42, "order", "o1", 3, "order.cancelled", 1, "{}",
                new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()), Instant.now());
        NotHandled failure = new NotHandled(event, new EJBException(new PersistenceException(
                new SQLException("Connection refused", "08001"))));
        assertThat(failure.getMessage()).isEqualTo("order.cancelled v3 of " + event.stream() + " (position 42) not handled, "
                + "to be delivered again: EJBException caused by java.sql.SQLException: Connection refused");
        assertThat(failure.getStackTrace()).isEmpty();
        assertThat(failure.getCause()).isNull();
    }
}
