package dev.zipper.fulfilment;

import dev.zipper.domain.Issued;
import dev.zipper.domain.Followed;
import dev.zipper.domain.Reaction;
import dev.zipper.order.Order;
import dev.zipper.order.OrderCommand;
import dev.zipper.order.OrderEvent;
import dev.zipper.order.OrderLine;
import dev.zipper.payment.Card;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentCommand;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.Totals;
import dev.zipper.product.Product;
import dev.zipper.product.ProductCommand;
import dev.zipper.product.ProductEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Given what an order's process has recorded, when a followed event arrives, then it records and issues this. */
class FulfilmentTest {

    private static final String ORDER = "o1";
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final Money TOTAL = Money.of("30", "EUR");
    private static final Card CARD = new Card(TestCards.AUTHORISED);
    private static final List<OrderLine> LINES = List.of(new OrderLine("mug", 1, Money.of("10", "EUR")),
            new OrderLine("tea", 2, Money.of("10", "EUR")));
    private static final Totals TOTALS = new Totals(TOTAL, Money.zero("EUR"), Money.zero("EUR"), TOTAL);
    private static final FulfilmentEvent STARTED = new FulfilmentEvent.Started(LINES, TOTAL, CARD);
    private static final FulfilmentEvent MUG = new FulfilmentEvent.LineReserved("mug");
    private static final FulfilmentEvent TEA = new FulfilmentEvent.LineReserved("tea");
    private static final FulfilmentEvent PAYING = new FulfilmentEvent.PaymentRequested();
    private static final FulfilmentEvent PAID = new FulfilmentEvent.Paid("ref-1");

    @Test
    void aPlacedOrderReservesEveryLine() {
        OrderEvent placed = new OrderEvent.Placed("c1", "cart1", LINES, TOTALS, CARD, AT);
        assertThat(instanceOf(placed, ORDER)).contains(ORDER);
        expect(List.of(), placed, ORDER,
                List.of(STARTED),
                List.of(Issued.to(Product.TYPE, "mug", new ProductCommand.Reserve(ORDER, 1)),
                        Issued.to(Product.TYPE, "tea", new ProductCommand.Reserve(ORDER, 2))));
        expect(List.of(STARTED), placed, ORDER, List.of(), List.of());
    }

    @Test
    void anOrderCancelledTheMomentItIsPlacedReleasesWhatArrivesReserved() {
        expect(List.of(STARTED), new OrderEvent.Cancelled("changed my mind"), ORDER,
                List.of(new FulfilmentEvent.Cancelled()), List.of());
        expect(List.of(STARTED, new FulfilmentEvent.Cancelled()), new ProductEvent.Reserved(ORDER, 1), "mug",
                List.of(new FulfilmentEvent.LineReleased("mug")),
                List.of(Issued.to(Product.TYPE, "mug", new ProductCommand.Release(ORDER))));
    }

    @Test
    void theLastReservationRequestsThePaymentAndAnAuthorisationSucceedsTheOrder() {
        expect(List.of(STARTED), new ProductEvent.Reserved(ORDER, 1), "mug", List.of(MUG), List.of());
        expect(List.of(STARTED, MUG), new ProductEvent.Reserved(ORDER, 2), "tea", List.of(TEA, PAYING),
                List.of(Issued.opening(Payment.TYPE, ORDER, new PaymentCommand.Request(TOTAL, CARD))));
        expect(List.of(STARTED, MUG, TEA, PAYING), new PaymentEvent.Authorised("ref-1"), ORDER, List.of(PAID),
                List.of(Issued.to(Order.TYPE, ORDER, new OrderCommand.Succeed("ref-1"))));
    }

    @Test
    void aRefusedReservationReleasesTheOthersAndFailsTheOrderAndALateOneIsReleased() {
        String reason = "tea: 2 wanted, 1 available";
        expect(List.of(STARTED, MUG), new ProductEvent.ReservationRefused(ORDER, 2, 1), "tea",
                List.of(new FulfilmentEvent.Failed(reason), new FulfilmentEvent.LineReleased("mug")),
                List.of(Issued.to(Product.TYPE, "mug", new ProductCommand.Release(ORDER)),
                        Issued.to(Order.TYPE, ORDER, new OrderCommand.Fail(reason))));
        expect(List.of(STARTED, new FulfilmentEvent.Failed(reason)), new ProductEvent.Reserved(ORDER, 1), "mug",
                List.of(new FulfilmentEvent.LineReleased("mug")),
                List.of(Issued.to(Product.TYPE, "mug", new ProductCommand.Release(ORDER))));
    }

    @Test
    void aDeclinedOrUnansweredPaymentReleasesEverythingAndFailsTheOrder() {
        for (PaymentEvent answer : List.of(new PaymentEvent.Declined("card declined"), new PaymentEvent.TimedOut())) {
            String reason = answer instanceof PaymentEvent.TimedOut ? "payment timed out" : "payment declined: card declined";
            Reaction<FulfilmentEvent> reaction = react(List.of(STARTED, MUG, TEA, PAYING), answer, ORDER);
            assertThat(reaction.recorded()).first().isEqualTo(new FulfilmentEvent.Failed(reason));
            assertThat(reaction.recorded()).containsAll(List.of(new FulfilmentEvent.LineReleased("mug"),
                    new FulfilmentEvent.LineReleased("tea")));
            assertThat(reaction.issued()).containsExactlyInAnyOrder(
                    Issued.to(Product.TYPE, "mug", new ProductCommand.Release(ORDER)),
                    Issued.to(Product.TYPE, "tea", new ProductCommand.Release(ORDER)),
                    Issued.to(Order.TYPE, ORDER, new OrderCommand.Fail(reason)));
        }
    }

    @Test
    void cancellingAPaidOrderRefundsItAndReleasesItsStock() {
        Reaction<FulfilmentEvent> reaction = react(List.of(STARTED, MUG, TEA, PAYING, PAID),
                new OrderEvent.Cancelled("changed my mind"), ORDER);
        assertThat(reaction.recorded()).first().isEqualTo(new FulfilmentEvent.Cancelled());
        assertThat(reaction.recorded()).last().isEqualTo(new FulfilmentEvent.RefundRequested());
        assertThat(reaction.issued()).containsExactlyInAnyOrder(
                Issued.to(Product.TYPE, "mug", new ProductCommand.Release(ORDER)),
                Issued.to(Product.TYPE, "tea", new ProductCommand.Release(ORDER)),
                Issued.to(Payment.TYPE, ORDER, new PaymentCommand.Refund()));
    }

    @Test
    void aPaymentAuthorisedAfterACancelIsRefunded() {
        expect(List.of(STARTED, MUG, TEA, PAYING, new FulfilmentEvent.Cancelled(), new FulfilmentEvent.LineReleased("mug"),
                        new FulfilmentEvent.LineReleased("tea")), new PaymentEvent.Authorised("ref-1"), ORDER,
                List.of(PAID, new FulfilmentEvent.RefundRequested()),
                List.of(Issued.to(Payment.TYPE, ORDER, new PaymentCommand.Refund())));
    }

    @Test
    void shippingShipsEveryReservedLine() {
        Reaction<FulfilmentEvent> reaction = react(List.of(STARTED, MUG, TEA, PAYING, PAID), new OrderEvent.Shipped(), ORDER);
        assertThat(reaction.issued()).containsExactlyInAnyOrder(
                Issued.to(Product.TYPE, "mug", new ProductCommand.Ship(ORDER)),
                Issued.to(Product.TYPE, "tea", new ProductCommand.Ship(ORDER)));
    }

    @Test
    void whatTheProcessCausedItselfIsNotItsBusiness() {
        assertThat(instanceOf(new ProductEvent.Released(ORDER, 1), "mug")).isEmpty();
        assertThat(instanceOf(new OrderEvent.Succeeded("ref"), ORDER)).isEmpty();
        assertThat(instanceOf(new PaymentEvent.Requested(TOTAL, CARD), ORDER)).isEmpty();
        assertThat(instanceOf(new ProductEvent.Reserved(ORDER, 1), "mug")).contains(ORDER);
        assertThat(instanceOf(new PaymentEvent.Declined("no"), ORDER)).contains(ORDER);
    }

    @Test
    void anEventOutOfTurnDoesNothing() {
        expect(List.of(STARTED, MUG, TEA, PAYING, PAID), new PaymentEvent.Declined("late"), ORDER, List.of(), List.of());
        expect(List.of(STARTED, new FulfilmentEvent.Failed("x")), new ProductEvent.ReservationRefused(ORDER, 1, 0), "tea",
                List.of(), List.of());
        expect(List.of(STARTED), new OrderEvent.Shipped(), ORDER, List.of(), List.of());
    }

    private static Reaction<FulfilmentEvent> react(List<FulfilmentEvent> history, Object event, String streamId) {
        Fulfilment state = Fulfilment.NONE;
        for (FulfilmentEvent past : history) {
            state = Fulfilment.TYPE.evolve().apply(state, past);
        }
        Fulfilment now = state;
        return Fulfilment.TYPE.follow(event, streamId).map(followed -> followed.react(now)).orElse(Reaction.nothing());
    }

    /** The instance the event concerns, as the kernel asks it; empty for an event the process does not follow. */
    private static Optional<String> instanceOf(Object event, String streamId) {
        return Fulfilment.TYPE.follow(event, streamId).flatMap(Followed::instance);
    }

    private static void expect(List<FulfilmentEvent> history, Object event, String streamId,
                               List<FulfilmentEvent> recorded, List<Issued<?>> issued) {
        Reaction<FulfilmentEvent> reaction = react(history, event, streamId);
        assertThat(reaction.recorded()).as("recorded on %s", event).containsExactlyElementsOf(recorded);
        assertThat(reaction.issued()).as("issued on %s", event).containsExactlyElementsOf(issued);
    }
}
