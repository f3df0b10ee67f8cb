package dev.zipper.payment;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.edge.Exposure;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.order.Order;
import dev.zipper.readside.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** An order's payment over HTTP, read only: /payments/{orderId}. Its commands come from the order's process. */
@ApplicationScoped
public class PaymentEndpoints implements Operations {

    /** payment_view, as the read side feeds it. */
    @Produces
    public static final Projection<PaymentEvent, PaymentView> VIEW = new Projection<>("payment-view", Payment.TYPE,
            PaymentView.class, PaymentView::new);

    @Override
    public List<Route> routes() {
        return Exposure.of(Payment.TYPE, "payments", Access.owner(Role.STAFF))
                .ownedAs(Order.TYPE) // its id is its order's
                .view("An order's payment (the id is the order's); the card is masked", VIEW, "id")
                .routes();
    }
}
