package dev.zipper.payment;

import dev.zipper.domain.DeciderFixture;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.pricing.Money;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final DeciderFixture<PaymentCommand, PaymentEvent, Payment> PAYMENT = DeciderFixture.of(Payment.TYPE);
    private static final Money AMOUNT = Money.of("48.40", "EUR");
    private static final Card CARD = new Card(TestCards.AUTHORISED);
    private static final PaymentEvent REQUESTED = new PaymentEvent.Requested(AMOUNT, CARD);

    @Test
    void theGatewaysFirstAnswerStands() {
        PAYMENT.given().when(new PaymentCommand.Request(AMOUNT, CARD)).then(REQUESTED);
        PAYMENT.given(REQUESTED).when(new PaymentCommand.Authorise("ref-1")).then(new PaymentEvent.Authorised("ref-1"))
                .andState(new Payment(PaymentStatus.AUTHORISED, AMOUNT, CARD, "ref-1", null));
        PAYMENT.given(REQUESTED).when(new PaymentCommand.Decline("card declined")).then(new PaymentEvent.Declined("card declined"));
        PAYMENT.given(REQUESTED).when(new PaymentCommand.TimeOut()).then(new PaymentEvent.TimedOut());
        PAYMENT.given(REQUESTED, new PaymentEvent.TimedOut()).when(new PaymentCommand.Authorise("late")).then();
        PAYMENT.given(REQUESTED, new PaymentEvent.Authorised("ref-1")).when(new PaymentCommand.TimeOut()).then();
        PAYMENT.given(REQUESTED).when(new PaymentCommand.Request(AMOUNT, CARD)).thenRejected(IllegalTransition.class, "already");
    }

    @Test
    void aPaymentIsSubmittedOnceAndItsAnswersStillCount() {
        PaymentEvent submitted = new PaymentEvent.Submitted();
        PAYMENT.given(REQUESTED).when(new PaymentCommand.Submit()).then(submitted)
                .andState(new Payment(PaymentStatus.SUBMITTED, AMOUNT, CARD, null, null));
        PAYMENT.given(REQUESTED, submitted).when(new PaymentCommand.Submit()).then();
        PAYMENT.given(REQUESTED, new PaymentEvent.Declined("no")).when(new PaymentCommand.Submit()).then();
        PAYMENT.given(REQUESTED, submitted).when(new PaymentCommand.Authorise("ref-1")).then(new PaymentEvent.Authorised("ref-1"));
        PAYMENT.given(REQUESTED, submitted).when(new PaymentCommand.TimeOut()).then(new PaymentEvent.TimedOut());
        PAYMENT.given(REQUESTED, submitted, new PaymentEvent.Authorised("ref-1")).when(new PaymentCommand.TimeOut()).then();
    }

    @Test
    void onlyAnAuthorisedPaymentIsRefundedAndOnlyOnce() {
        PAYMENT.given(REQUESTED, new PaymentEvent.Authorised("ref-1")).when(new PaymentCommand.Refund())
                .then(new PaymentEvent.Refunded());
        PAYMENT.given(REQUESTED, new PaymentEvent.Authorised("ref-1"), new PaymentEvent.Refunded())
                .when(new PaymentCommand.Refund()).then();
        PAYMENT.given(REQUESTED, new PaymentEvent.Declined("no")).when(new PaymentCommand.Refund())
                .thenRejected(IllegalTransition.class, "Only an authorised payment");
    }
}
