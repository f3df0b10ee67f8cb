package dev.zipper.cart;

import dev.zipper.domain.EventType;
import dev.zipper.order.OrderLine;
import dev.zipper.payment.Card;
import dev.zipper.pricing.Totals;
import java.time.Instant;
import java.util.List;

/** What has happened to a cart. */
public sealed interface CartEvent {

    @EventType(name = "cart.opened")
    record Opened(String customerId) implements CartEvent { }

    @EventType(name = "cart.item-added")
    record ItemAdded(String sku, int quantity) implements CartEvent { }

    @EventType(name = "cart.item-removed")
    record ItemRemoved(String sku, int quantity) implements CartEvent { }

    @EventType(name = "cart.cleared")
    record Cleared() implements CartEvent { }

    /** The cart became an order, with its lines priced now. */
    @EventType(name = "cart.checked-out")
    record CheckedOut(String orderId, String customerId, List<OrderLine> lines, Totals totals, Card card, Instant at)
            implements CartEvent { }
}
