package dev.zipper.fulfilment;

import dev.zipper.domain.EventType;
import dev.zipper.order.OrderLine;
import dev.zipper.payment.Card;
import dev.zipper.pricing.Money;
import java.util.List;

/** What an order's fulfilment process remembers, in its own stream (one per order, id = the order's). */
public sealed interface FulfilmentEvent {

    /** The cart was checked out: the order was placed and its lines asked for. */
    @EventType(name = "fulfilment.started")
    record Started(List<OrderLine> lines, Money total, Card card) implements FulfilmentEvent { }

    @EventType(name = "fulfilment.line-reserved")
    record LineReserved(String sku) implements FulfilmentEvent { }

    @EventType(name = "fulfilment.line-released")
    record LineReleased(String sku) implements FulfilmentEvent { }

    @EventType(name = "fulfilment.payment-requested")
    record PaymentRequested() implements FulfilmentEvent { }

    @EventType(name = "fulfilment.paid")
    record Paid(String reference) implements FulfilmentEvent { }

    @EventType(name = "fulfilment.failed")
    record Failed(String reason) implements FulfilmentEvent { }

    @EventType(name = "fulfilment.cancelled")
    record Cancelled() implements FulfilmentEvent { }

    @EventType(name = "fulfilment.refund-requested")
    record RefundRequested() implements FulfilmentEvent { }

    @EventType(name = "fulfilment.shipping-requested")
    record ShippingRequested() implements FulfilmentEvent { }
}
