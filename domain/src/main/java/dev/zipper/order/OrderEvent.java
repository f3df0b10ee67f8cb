package dev.zipper.order;

import dev.zipper.domain.EventType;
import dev.zipper.payment.Card;
import dev.zipper.pricing.Totals;
import java.time.Instant;
import java.util.List;

/** What has happened to an order. */
public sealed interface OrderEvent {

    /** Placed by its cart's checkout, in the same transaction; the card is what its payment will be asked of. */
    @EventType(name = "order.placed")
    record Placed(String customerId, String cartId, List<OrderLine> lines, Totals totals, Card card, Instant placedAt)
            implements OrderEvent { }

    @EventType(name = "order.succeeded")
    record Succeeded(String paymentReference) implements OrderEvent { }

    @EventType(name = "order.failed")
    record Failed(String reason) implements OrderEvent { }

    @EventType(name = "order.cancelled")
    record Cancelled(String reason) implements OrderEvent { }

    @EventType(name = "order.shipped")
    record Shipped() implements OrderEvent { }

    @EventType(name = "order.delivered")
    record Delivered() implements OrderEvent { }
}
