package dev.zipper.cart;

import dev.zipper.readside.ReadRow;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A row of cart_view: a cart, its lines (in cart_view_line) and the order it became, if it did. */
@Entity
@Table(name = "cart_view")
public class CartView extends ReadRow<CartEvent> {

    @Column(name = "customer_id")
    private String customerId;
    @Column(name = "order_id")
    private String orderId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cart_view_line", joinColumns = @JoinColumn(name = "cart_id"))
    @OrderColumn(name = "line_no")
    private List<Line> lines = new ArrayList<>();

    /** A line of cart_view_line. */
    @Embeddable
    public static class Line {
        private String sku;
        private int quantity;
    }

    protected CartView() {
    }

    CartView(String id) {
        super(id);
    }

    @Override
    protected void apply(CartEvent event) {
        // the domain's own rule for lines, so that the view cannot count them differently
        Cart cart = Cart.TYPE.decider().evolve(cart(), event);
        customerId = cart.customerId();
        orderId = cart.orderId();
        lines.clear();
        for (CartLine held : cart.lines()) {
            Line line = new Line();
            line.sku = held.sku();
            line.quantity = held.quantity();
            lines.add(line);
        }
    }

    /** The cart as this row holds it. */
    Cart cart() {
        return new Cart(customerId, lines.stream().map(line -> new CartLine(line.sku, line.quantity)).toList(), orderId);
    }
}
