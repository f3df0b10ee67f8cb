package dev.zipper.order;

import dev.zipper.domain.DeciderFixture;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.payment.Card;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.Totals;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final DeciderFixture<OrderCommand, OrderEvent, Order> ORDER = DeciderFixture.of(Order.TYPE);
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final Money TEN = Money.of("10", "EUR");
    private static final List<OrderLine> LINES = List.of(new OrderLine("mug", 1, TEN));
    private static final Totals TOTALS = new Totals(TEN, Money.zero("EUR"), Money.zero("EUR"), TEN);
    private static final Card CARD = new Card(TestCards.AUTHORISED);
    private static final OrderEvent PLACED = new OrderEvent.Placed("c1", "cart1", LINES, TOTALS, CARD, AT);
    private static final OrderEvent SUCCEEDED = new OrderEvent.Succeeded("ref-1");

    @Test
    void theProcessDecidesAPlacedOrderOnceAndLaterAnswersChangeNothing() {
        ORDER.given().when(new OrderCommand.Place("c1", "cart1", LINES, TOTALS, CARD, AT)).then(PLACED)
                .andState(new Order(OrderStatus.PLACED, "c1", "cart1", LINES, TOTALS, null, null));
        ORDER.given(PLACED).when(new OrderCommand.Succeed("ref-1")).then(SUCCEEDED);
        ORDER.given(PLACED).when(new OrderCommand.Fail("no stock")).then(new OrderEvent.Failed("no stock"));
        ORDER.given(PLACED, new OrderEvent.Cancelled("changed my mind")).when(new OrderCommand.Succeed("ref-1")).then();
        ORDER.given(PLACED, new OrderEvent.Failed("no stock")).when(new OrderCommand.Fail("again")).then();
        ORDER.given(PLACED).when(new OrderCommand.Place("c1", "cart1", LINES, TOTALS, CARD, AT))
                .thenRejected(IllegalTransition.class, "already placed");
    }

    @Test
    void peopleCancelBeforeShippingThenShipAndDeliverInTurn() {
        ORDER.given(PLACED).when(new OrderCommand.Cancel(null)).then(new OrderEvent.Cancelled("cancelled by request"));
        ORDER.given(PLACED, SUCCEEDED).when(new OrderCommand.Cancel("too late?")).then(new OrderEvent.Cancelled("too late?"))
                .andState(new Order(OrderStatus.CANCELLED, "c1", "cart1", LINES, TOTALS, "ref-1", "too late?"));
        ORDER.given(PLACED, SUCCEEDED, new OrderEvent.Shipped()).when(new OrderCommand.Cancel(null))
                .thenRejected(IllegalTransition.class, "Cannot cancel an order that is SHIPPED");
        ORDER.given(PLACED).when(new OrderCommand.Ship()).thenRejected(IllegalTransition.class, "allowed only from SUCCEEDED");
        ORDER.given(PLACED, SUCCEEDED).when(new OrderCommand.Ship()).then(new OrderEvent.Shipped());
        ORDER.given(PLACED, SUCCEEDED, new OrderEvent.Shipped()).when(new OrderCommand.Deliver()).then(new OrderEvent.Delivered());
        ORDER.given(PLACED, SUCCEEDED).when(new OrderCommand.Deliver()).thenRejected(IllegalTransition.class, "SHIPPED");
    }
}
