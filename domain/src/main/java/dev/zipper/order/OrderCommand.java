package dev.zipper.order;

import dev.zipper.domain.Omittable;
import dev.zipper.domain.Text;
import dev.zipper.payment.Card;
import dev.zipper.pricing.Totals;
import java.time.Instant;
import java.util.List;

/**
 * What can be asked of an order. Place comes from its cart's checkout, Succeed and Fail from the order's
 * process; a Succeed or
 * Fail that finds the order already decided (cancelled meanwhile, say) changes nothing. Cancel, Ship and
 * Deliver come from people, and are refused out of turn.
 */
public sealed interface OrderCommand {

    record Place(String customerId, String cartId, List<OrderLine> lines, Totals totals, Card card, Instant placedAt)
            implements OrderCommand {
        public Place {
            lines = List.copyOf(lines);
        }
    }

    /** Stock is reserved and the payment authorised (reference: the gateway's). */
    record Succeed(String paymentReference) implements OrderCommand { }

    record Fail(String reason) implements OrderCommand { }

    record Cancel(@Omittable String reason) implements OrderCommand {
        public Cancel {
            reason = reason == null ? "cancelled by request" : Text.required("reason", reason, 200);
        }
    }

    record Ship() implements OrderCommand { }

    record Deliver() implements OrderCommand { }
}
