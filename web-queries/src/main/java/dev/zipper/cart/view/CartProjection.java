package dev.zipper.cart.view;

import dev.zipper.cart.Cart;
import dev.zipper.cart.CartEvent;
import dev.zipper.domain.AggregateType;
import dev.zipper.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

/** cart_view and its lines: each cart as its events left it. */
@ApplicationScoped
public class CartProjection implements Projection<CartEvent, CartView> {

    @Override
    public String name() {
        return "cart-view";
    }

    @Override
    public AggregateType<?, CartEvent, ?> follows() {
        return Cart.TYPE;
    }

    @Override
    public Class<CartView> rows() {
        return CartView.class;
    }

    @Override
    public CartView newRow(String cartId) {
        return new CartView(cartId);
    }
}
