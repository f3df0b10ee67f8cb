package dev.zipper.payment;

import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.pricing.Money;
import java.util.List;

import static dev.zipper.payment.PaymentStatus.AUTHORISED;
import static dev.zipper.payment.PaymentStatus.DECLINED;
import static dev.zipper.payment.PaymentStatus.REFUNDED;
import static dev.zipper.payment.PaymentStatus.REQUESTED;
import static dev.zipper.payment.PaymentStatus.SUBMITTED;
import static dev.zipper.payment.PaymentStatus.TIMED_OUT;

/**
 * A payment for an order's total, as the gateway's answers left it. It is submitted once, just before the
 * gateway is asked: its deadline runs from then, not from the request, which may wait for a read side that
 * is behind.
 */
public record Payment(PaymentStatus status, Money amount, Card card, String reference, String failure) {

    public static final Payment NONE = new Payment(null, null, null, null, null);

    public static final AggregateType<PaymentCommand, PaymentEvent, Payment> TYPE =
            new AggregateType<>("payment", PaymentEvent.class, Decider.of(NONE, Payment::decide, Payment::evolve));

    public List<PaymentEvent> decide(PaymentCommand command) {
        if (command instanceof PaymentCommand.Request request) {
            if (status != null) {
                throw new IllegalTransition("This order's payment was already requested");
            }
            return List.of(new PaymentEvent.Requested(request.amount(), request.card()));
        }
        if (command instanceof PaymentCommand.Refund) {
            if (status == REFUNDED) {
                return List.of();
            }
            if (status != AUTHORISED) {
                throw new IllegalTransition("Only an authorised payment can be refunded; this one is " + status);
            }
            return List.of(new PaymentEvent.Refunded());
        }
        if (command instanceof PaymentCommand.Submit) {
            return status == REQUESTED ? List.of(new PaymentEvent.Submitted()) : List.of();
        }
        if (!pending()) {
            return List.of(); // the gateway's first answer stands
        }
        if (command instanceof PaymentCommand.Authorise authorise) {
            return List.of(new PaymentEvent.Authorised(authorise.reference()));
        }
        if (command instanceof PaymentCommand.Decline decline) {
            return List.of(new PaymentEvent.Declined(decline.reason()));
        }
        return List.of(new PaymentEvent.TimedOut());
    }

    /** Requested or submitted: the gateway has not answered yet. */
    public boolean pending() {
        return status == REQUESTED || status == SUBMITTED;
    }

    public Payment evolve(PaymentEvent event) {
        if (event instanceof PaymentEvent.Requested requested) {
            return new Payment(REQUESTED, requested.amount(), requested.card(), null, null);
        }
        if (event instanceof PaymentEvent.Submitted) {
            return new Payment(SUBMITTED, amount, card, null, null);
        }
        if (event instanceof PaymentEvent.Authorised authorised) {
            return new Payment(AUTHORISED, amount, card, authorised.reference(), null);
        }
        if (event instanceof PaymentEvent.Declined declined) {
            return new Payment(DECLINED, amount, card, null, declined.reason());
        }
        if (event instanceof PaymentEvent.TimedOut) {
            return new Payment(TIMED_OUT, amount, card, null, "the payment gateway did not answer in time");
        }
        return new Payment(REFUNDED, amount, card, reference, null);
    }
}
