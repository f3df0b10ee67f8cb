package dev.zipper.order.view;

import dev.zipper.domain.AggregateType;
import dev.zipper.order.Order;
import dev.zipper.order.OrderEvent;
import dev.zipper.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

/** order_view and its lines: each order as its events left it (a customer's orders, the sales figures). */
@ApplicationScoped
public class OrderProjection implements Projection<OrderEvent, OrderView> {

    @Override
    public String name() {
        return "order-view";
    }

    @Override
    public AggregateType<?, OrderEvent, ?> follows() {
        return Order.TYPE;
    }

    @Override
    public Class<OrderView> rows() {
        return OrderView.class;
    }

    @Override
    public OrderView newRow(String orderId) {
        return new OrderView(orderId);
    }
}
