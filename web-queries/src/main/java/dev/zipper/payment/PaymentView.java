package dev.zipper.payment;

import dev.zipper.readside.ReadRow;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A row of payment_view (its id is the order's). The card is kept masked: a view never needs the number. */
@Entity
@Table(name = "payment_view")
public class PaymentView extends ReadRow<PaymentEvent> {

    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private BigDecimal amount;
    private String currency;
    private String card;
    private String reference;
    private String failure;

    protected PaymentView() {
    }

    PaymentView(String id) {
        super(id);
    }

    @Override
    protected void apply(PaymentEvent event) {
        if (event instanceof PaymentEvent.Requested requested) {
            amount = requested.amount().amount();
            currency = requested.amount().currency();
            card = requested.card().masked();
        }
        Payment after = Payment.TYPE.decider().evolve(new Payment(status, null, null, reference, failure), event);
        status = after.status();
        reference = after.reference();
        failure = after.failure();
    }
}
