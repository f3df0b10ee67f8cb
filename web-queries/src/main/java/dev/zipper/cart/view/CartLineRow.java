package dev.zipper.cart.view;

import jakarta.persistence.Embeddable;

/** A line of a cart in cart_view_line. */
@Embeddable
public class CartLineRow {

    private String sku;
    private int quantity;

    protected CartLineRow() {
    }

    CartLineRow(String sku, int quantity) {
        this.sku = sku;
        this.quantity = quantity;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }
}
