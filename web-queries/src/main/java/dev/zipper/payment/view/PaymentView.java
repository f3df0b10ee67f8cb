package dev.zipper.payment.view;

import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.payment.PaymentStatus;
import dev.zipper.pricing.Money;
import dev.zipper.projection.ReadRow;
import dev.zipper.web.JsonObjects;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A row of payment_view. The card is kept masked: a view never needs the number. */
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

    public JsonObjectBuilder toJson() {
        JsonObjectBuilder json = JsonObjects.object()
                .add("id", id())
                .add("orderId", id())
                .add("status", status.name())
                .add("amount", new Money(amount, currency).amount())
                .add("currency", currency)
                .add("card", card);
        if (reference != null) {
            json.add("reference", reference);
        }
        if (failure != null) {
            json.add("failure", failure);
        }
        return json.add("version", version());
    }
}
