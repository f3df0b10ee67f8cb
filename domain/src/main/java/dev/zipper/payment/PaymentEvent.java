package dev.zipper.payment;

import dev.zipper.domain.EventType;
import dev.zipper.pricing.Money;

/** What has happened to a payment. */
public sealed interface PaymentEvent {

    @EventType(name = "payment.requested")
    record Requested(Money amount, Card card) implements PaymentEvent { }

    /** The gateway is being asked now: the payment's deadline runs from here. */
    @EventType(name = "payment.submitted")
    record Submitted() implements PaymentEvent { }

    @EventType(name = "payment.authorised")
    record Authorised(String reference) implements PaymentEvent { }

    @EventType(name = "payment.declined")
    record Declined(String reason) implements PaymentEvent { }

    @EventType(name = "payment.timed-out")
    record TimedOut() implements PaymentEvent { }

    @EventType(name = "payment.refunded")
    record Refunded() implements PaymentEvent { }
}
