package dev.zipper.fulfilment;

import dev.zipper.domain.Followed;
import dev.zipper.domain.Reaction;
import dev.zipper.order.OrderEvent;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.product.ProductEvent;
import java.util.Optional;

/**
 * The events an order's fulfilment follows, one case each, with the id of the stream each came from: an
 * order's and its payment's streams have the order's id; a product's has its sku, and the order a
 * reservation concerns is in the event. Every other event of those streams is not its business.
 */
public sealed interface FulfilmentInput extends Followed<Fulfilment, FulfilmentEvent> {

    /** The order, and so the instance, the event concerns. */
    String orderId();

    @Override
    default Optional<String> instance() {
        return Optional.of(orderId());
    }

    record OrderPlaced(String orderId, OrderEvent.Placed placed) implements FulfilmentInput {
        public Reaction<FulfilmentEvent> react(Fulfilment state) {
            return state.placed(orderId, placed);
        }
    }

    record StockReserved(String sku, ProductEvent.Reserved reserved) implements FulfilmentInput {
        public String orderId() {
            return reserved.orderId();
        }

        public Reaction<FulfilmentEvent> react(Fulfilment state) {
            return state.reserved(orderId(), sku);
        }
    }

    record StockRefused(String sku, ProductEvent.ReservationRefused refused) implements FulfilmentInput {
        public String orderId() {
            return refused.orderId();
        }

        public Reaction<FulfilmentEvent> react(Fulfilment state) {
            return state.refused(orderId(), sku + ": " + refused.quantity() + " wanted, " + refused.available() + " available");
        }
    }

    record PaymentAuthorised(String orderId, PaymentEvent.Authorised authorised) implements FulfilmentInput {
        public Reaction<FulfilmentEvent> react(Fulfilment state) {
            return state.authorised(orderId, authorised.reference());
        }
    }

    record PaymentDeclined(String orderId, PaymentEvent.Declined declined) implements FulfilmentInput {
        public Reaction<FulfilmentEvent> react(Fulfilment state) {
            return state.unpaid(orderId, "payment declined: " + declined.reason());
        }
    }

    record PaymentTimedOut(String orderId, PaymentEvent.TimedOut timedOut) implements FulfilmentInput {
        public Reaction<FulfilmentEvent> react(Fulfilment state) {
            return state.unpaid(orderId, "payment timed out");
        }
    }

    record OrderCancelled(String orderId, OrderEvent.Cancelled cancelled) implements FulfilmentInput {
        public Reaction<FulfilmentEvent> react(Fulfilment state) {
            return state.cancelled(orderId);
        }
    }

    record OrderShipped(String orderId, OrderEvent.Shipped shipped) implements FulfilmentInput {
        public Reaction<FulfilmentEvent> react(Fulfilment state) {
            return state.shipped(orderId);
        }
    }
}
