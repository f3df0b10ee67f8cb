package dev.zipper.payment.gateway;

import dev.zipper.payment.Card;
import dev.zipper.pricing.Money;
import java.util.concurrent.CompletionStage;

/**
 * Where a payment is authorised. Zipper ships {@link TestCardGateway}; a real gateway is another CDI bean
 * implementing this, selected as an alternative (beans.xml or {@code @Priority}).
 */
public interface PaymentGateway {

    /**
     * Asks for the amount to be authorised. Completes with the gateway's answer, or never: the caller
     * stops waiting after its timeout. Asking again for the same payment id must not charge twice.
     */
    CompletionStage<Answer> authorise(String paymentId, Money amount, Card card);

    /** Authorised (with the gateway's reference) or declined (with its reason). */
    record Answer(boolean authorised, String reference, String reason) {

        public static Answer authorisedAs(String reference) {
            return new Answer(true, reference, null);
        }

        public static Answer declinedFor(String reason) {
            return new Answer(false, null, reason);
        }
    }
}
