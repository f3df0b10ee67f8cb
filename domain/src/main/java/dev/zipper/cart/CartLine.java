package dev.zipper.cart;

/** Units of one product in a cart. */
public record CartLine(String sku, int quantity) {
}
