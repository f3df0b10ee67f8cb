package dev.zipper.order;

import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.pricing.Totals;
import java.util.List;
import java.util.Set;

import static dev.zipper.order.OrderStatus.CANCELLED;
import static dev.zipper.order.OrderStatus.DELIVERED;
import static dev.zipper.order.OrderStatus.FAILED;
import static dev.zipper.order.OrderStatus.PLACED;
import static dev.zipper.order.OrderStatus.SHIPPED;
import static dev.zipper.order.OrderStatus.SUCCEEDED;

/** An order, from checkout to its end. */
public record Order(OrderStatus status, String customerId, String cartId, List<OrderLine> lines, Totals totals,
                    String paymentReference, String reason) {

    public static final Order NONE = new Order(null, null, null, List.of(), null, null, null);

    public static final AggregateType<OrderCommand, OrderEvent, Order> TYPE =
            new AggregateType<>("order", OrderEvent.class, Decider.of(NONE, Order::decide, Order::evolve))
                    .ownedBy((id, order) -> order.customerId());

    public Order {
        lines = List.copyOf(lines);
    }

    public List<OrderEvent> decide(OrderCommand command) {
        if (command instanceof OrderCommand.Place place) {
            if (status != null) {
                throw new IllegalTransition("This order was already placed");
            }
            return List.of(new OrderEvent.Placed(place.customerId(), place.cartId(), place.lines(), place.totals(),
                    place.card(), place.placedAt()));
        }
        if (command instanceof OrderCommand.Succeed succeed) {
            return status == PLACED ? List.of(new OrderEvent.Succeeded(succeed.paymentReference())) : List.of();
        }
        if (command instanceof OrderCommand.Fail fail) {
            return status == PLACED ? List.of(new OrderEvent.Failed(fail.reason())) : List.of();
        }
        if (command instanceof OrderCommand.Cancel cancel) {
            return List.of(new OrderEvent.Cancelled(allowedFrom("cancel", Set.of(PLACED, SUCCEEDED), cancel.reason())));
        }
        if (command instanceof OrderCommand.Ship) {
            allowedFrom("ship", Set.of(SUCCEEDED), null);
            return List.of(new OrderEvent.Shipped());
        }
        allowedFrom("deliver", Set.of(SHIPPED), null);
        return List.of(new OrderEvent.Delivered());
    }

    private <T> T allowedFrom(String verb, Set<OrderStatus> allowed, T value) {
        if (!allowed.contains(status)) {
            throw new IllegalTransition("Cannot " + verb + " an order that is " + status + "; allowed only from "
                    + allowed.stream().sorted().map(Enum::name).reduce((a, b) -> a + " or " + b).orElseThrow());
        }
        return value;
    }

    public Order evolve(OrderEvent event) {
        if (event instanceof OrderEvent.Placed placed) {
            return new Order(PLACED, placed.customerId(), placed.cartId(), placed.lines(), placed.totals(), null, null);
        }
        if (event instanceof OrderEvent.Succeeded succeeded) {
            return with(SUCCEEDED, succeeded.paymentReference(), null);
        }
        if (event instanceof OrderEvent.Failed failed) {
            return with(FAILED, null, failed.reason());
        }
        if (event instanceof OrderEvent.Cancelled cancelled) {
            return with(CANCELLED, paymentReference, cancelled.reason());
        }
        return with(event instanceof OrderEvent.Shipped ? SHIPPED : DELIVERED, paymentReference, null);
    }

    private Order with(OrderStatus next, String payment, String why) {
        return new Order(next, customerId, cartId, lines, totals, payment, why);
    }
}
