package dev.zipper.payment;

import dev.zipper.domain.Text;
import dev.zipper.pricing.Money;
import java.util.Objects;

/**
 * What can be asked of a payment. A payment's id is its order's id: an order is paid at most once. The
 * gateway's answers are accepted once; a later or repeated answer changes nothing.
 */
public sealed interface PaymentCommand {

    record Request(Money amount, Card card) implements PaymentCommand {
        public Request {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(card, "card");
        }
    }

    /** The gateway is about to be asked; a payment already submitted or answered takes it as a repeat. */
    record Submit() implements PaymentCommand { }

    /** The gateway authorised the amount; reference is its own id for the payment. */
    record Authorise(String reference) implements PaymentCommand {
        public Authorise {
            reference = Text.required("reference", reference, 100);
        }
    }

    record Decline(String reason) implements PaymentCommand {
        public Decline {
            reason = Text.required("reason", reason, 200);
        }
    }

    /** The gateway did not answer in time after the payment was submitted. */
    record TimeOut() implements PaymentCommand { }

    /** Gives an authorised amount back (the order was cancelled). */
    record Refund() implements PaymentCommand { }
}
