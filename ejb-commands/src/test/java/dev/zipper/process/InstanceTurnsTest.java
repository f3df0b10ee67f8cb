package dev.zipper.process;

import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.fulfilment.Fulfilment;
import dev.zipper.product.ProductEvent;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of one order's process wait for each other; steps of another order do not. */
class InstanceTurnsTest {

    private final InstanceTurns turns = new InstanceTurns();
    private final CountDownLatch firstHolds = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void release() {
        releaseFirst.countDown();
    }

    @Test
    void a_second_step_of_the_same_order_waits_until_the_first_has_ended() throws Exception {
        holdFirstStep(reserved("mug", "o1"));

        CountDownLatch secondRan = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> turns.take(Fulfilment.TYPE, reserved("cup", "o1"), secondRan::countDown));

        assertThat(secondRan.await(300, TimeUnit.MILLISECONDS)).as("while the first holds its turn").isFalse();
        releaseFirst.countDown();
        assertThat(secondRan.await(5, TimeUnit.SECONDS)).as("once the first has ended").isTrue();
    }

    @Test
    void a_step_of_another_order_or_of_none_runs_alongside() throws Exception {
        holdFirstStep(reserved("mug", "o1"));

        CountDownLatch othersRan = new CountDownLatch(2);
        CompletableFuture.runAsync(() -> turns.take(Fulfilment.TYPE, reserved("mug", "o2"), othersRan::countDown));
        CompletableFuture.runAsync(() -> turns.take(Fulfilment.TYPE, released("mug", "o1"), othersRan::countDown));

        assertThat(othersRan.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private void holdFirstStep(RecordedEvent event) throws InterruptedException {
        CompletableFuture.runAsync(() -> turns.take(Fulfilment.TYPE, event, () -> {
            firstHolds.countDown();
            try {
                releaseFirst.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(firstHolds.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static RecordedEvent reserved(String sku, String order) {
        return recorded(sku, new ProductEvent.Reserved(order, 1));
    }

    /** An event the order's process does not follow: it concerns no instance. */
    private static RecordedEvent released(String sku, String order) {
        return recorded(sku, new ProductEvent.Released(order, 1));
    }

    private static RecordedEvent recorded(String sku, ProductEvent event) {
        var encoded = EventCodec.of(ProductEvent.class).encode(event, new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), null));
        return new RecordedEvent(1, "product", sku, 1, encoded.type(), encoded.schemaVersion(), encoded.payload(),
                encoded.metadata(), Instant.now());
    }
}
