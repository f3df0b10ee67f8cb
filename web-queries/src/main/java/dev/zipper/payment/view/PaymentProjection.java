package dev.zipper.payment.view;

import dev.zipper.domain.AggregateType;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

/** payment_view: each payment (one per order, same id) and the gateway's answer. */
@ApplicationScoped
public class PaymentProjection implements Projection<PaymentEvent, PaymentView> {

    @Override
    public String name() {
        return "payment-view";
    }

    @Override
    public AggregateType<?, PaymentEvent, ?> follows() {
        return Payment.TYPE;
    }

    @Override
    public Class<PaymentView> rows() {
        return PaymentView.class;
    }

    @Override
    public PaymentView newRow(String paymentId) {
        return new PaymentView(paymentId);
    }
}
