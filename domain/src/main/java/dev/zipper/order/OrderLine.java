package dev.zipper.order;

import dev.zipper.pricing.Money;

/** A line of an order: units of a product at the price it had at checkout. */
public record OrderLine(String sku, int quantity, Money unitPrice) {

    public Money total() {
        return unitPrice.times(quantity);
    }
}
