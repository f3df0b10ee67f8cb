package dev.zipper.health;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A probe that hangs (a database that does not answer) makes readiness DOWN within its bound, not hang it. */
class TimedProbeTest {

    @Test
    void an_answer_in_time_is_passed_on_and_a_failure_with_its_own_exception() throws Exception {
        try (TimedProbe up = new TimedProbe(Executors.defaultThreadFactory(), () -> "head 42");
             TimedProbe down = new TimedProbe(Executors.defaultThreadFactory(), () -> {
                 throw new IllegalStateException("connection refused");
             })) {
            assertThat(up.check()).isEqualTo("head 42");
            assertThatThrownBy(down::check).isInstanceOf(IllegalStateException.class).hasMessage("connection refused");
        }
    }

    @Test
    void a_probe_that_does_not_answer_is_down_after_3_s_and_is_not_asked_again_meanwhile() {
        CountDownLatch never = new CountDownLatch(1);
        try (TimedProbe hanging = new TimedProbe(Executors.defaultThreadFactory(), () -> {
            never.await();
            return "late";
        })) {
            long start = System.nanoTime();
            assertThatThrownBy(hanging::check).isInstanceOf(TimeoutException.class).hasMessage("no answer within 3 s");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(2_900L, 10_000L);
            assertThatThrownBy(hanging::check).isInstanceOf(TimeoutException.class)
                    .hasMessage("the previous check has not answered yet");
        }
    }
}
