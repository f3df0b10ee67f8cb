package dev.zipper.process;

import dev.zipper.domain.Issued;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.fulfilment.Fulfilment;
import dev.zipper.fulfilment.FulfilmentEvent;
import dev.zipper.order.OrderEvent;
import dev.zipper.order.OrderLine;
import dev.zipper.payment.Card;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.Totals;
import dev.zipper.product.Product;
import dev.zipper.product.ProductCommand;
import dev.zipper.product.ProductEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order's process against a log kept in a list: what it does once, and never twice. */
class ProcessStepTest {

    private static final String ORDER = "o1";
    private static final Money TEN = Money.of("10", "EUR");
    private static final OrderEvent PLACED = new OrderEvent.Placed("c1", "cart1", List.of(new OrderLine("mug", 2, TEN)),
            new Totals(TEN, Money.zero("EUR"), Money.zero("EUR"), TEN), new Card(TestCards.AUTHORISED), Instant.EPOCH);

    private final List<RecordedEvent> log = new ArrayList<>();

    @Test
    void a_followed_event_is_answered_once_and_its_redelivery_finds_it_consumed() {
        RecordedEvent placed = append("order", ORDER, EventCodec.of(OrderEvent.class).encode(PLACED, metadata()));

        ProcessStep<FulfilmentEvent> step = next(placed).orElseThrow();
        assertThat(step.recorded()).extracting(ProcessStep.Caused::what).singleElement()
                .isInstanceOf(FulfilmentEvent.Started.class);
        assertThat(step.issued()).extracting(ProcessStep.Caused::what)
                .containsExactly(Issued.to(Product.TYPE, "mug", new ProductCommand.Reserve(ORDER, 2)));
        assertThat(step.consumed()).isEqualTo(new Consumed("order", ORDER, 1));
        appendStep(step);

        assertThat(next(placed)).as("delivered again").isEmpty();
    }

    @Test
    void an_event_that_overtakes_its_predecessor_is_answered_after_it_read_from_the_log() {
        append("order", ORDER, EventCodec.of(OrderEvent.class).encode(PLACED, metadata()));
        RecordedEvent cancelled = append("order", ORDER,
                EventCodec.of(OrderEvent.class).encode(new OrderEvent.Cancelled("changed my mind"), metadata()));

        ProcessStep<FulfilmentEvent> step = next(cancelled).orElseThrow();
        assertThat(step.recorded()).extracting(ProcessStep.Caused::what).first().isInstanceOf(FulfilmentEvent.Started.class);
        assertThat(step.recorded()).extracting(ProcessStep.Caused::what).contains(new FulfilmentEvent.Cancelled());
        assertThat(step.consumed()).isEqualTo(new Consumed("order", ORDER, 2));
        appendStep(step);

        assertThat(next(log.get(0))).as("the predecessor, delivered late").isEmpty();
    }

    @Test
    void an_event_from_a_stream_this_log_never_held_is_refused_by_name() {
        RecordedEvent foreign = new RecordedEvent(7, "product", "elsewhere", 3, "product.reserved", 1,
                EventCodec.of(ProductEvent.class).encode(new ProductEvent.Reserved(ORDER, 2), metadata()).payload(),
                metadata(), Instant.now());

        assertThatThrownBy(() -> next(foreign)).isInstanceOf(IllegalStateException.class)
                .hasMessage("product/elsewhere v3 is not in the log");
    }

    @Test
    void an_event_it_does_not_follow_concerns_no_instance() {
        RecordedEvent released = append("product", "mug",
                EventCodec.of(ProductEvent.class).encode(new ProductEvent.Released(ORDER, 2), metadata()));
        assertThat(ProcessStep.followed(Fulfilment.TYPE, released)).isEmpty();
        RecordedEvent reserved = append("product", "mug",
                EventCodec.of(ProductEvent.class).encode(new ProductEvent.Reserved(ORDER, 2), metadata()));
        assertThat(ProcessStep.followed(Fulfilment.TYPE, reserved).flatMap(f -> f.instance())).contains(ORDER);
    }

    private Optional<ProcessStep<FulfilmentEvent>> next(RecordedEvent event) {
        List<RecordedEvent> history = stream("order-fulfilment", ORDER);
        return ProcessStep.next(Fulfilment.TYPE, history, event, ProcessStep.followed(Fulfilment.TYPE, event).orElseThrow(),
                (after, upTo) -> stream(event.streamType(), event.streamId()).stream()
                        .filter(e -> e.streamVersion() > after && e.streamVersion() <= upTo).toList());
    }

    private void appendStep(ProcessStep<FulfilmentEvent> step) {
        step.recorded().forEach(own -> append("order-fulfilment", ORDER,
                EventCodec.of(FulfilmentEvent.class).encode(own.what(), metadata())));
        append("order-fulfilment", ORDER, EventCodec.of(ProcessMark.class).encode(step.consumed(), metadata()));
    }

    private List<RecordedEvent> stream(String type, String id) {
        return log.stream().filter(e -> e.streamType().equals(type) && e.streamId().equals(id)).toList();
    }

    private RecordedEvent append(String type, String id, NewEvent event) {
        RecordedEvent recorded = new RecordedEvent(log.size() + 1, type, id, stream(type, id).size() + 1, event.type(),
                event.schemaVersion(), event.payload(), event.metadata(), Instant.now());
        log.add(recorded);
        return recorded;
    }

    private static EventMetadata metadata() {
        return new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), null);
    }
}
