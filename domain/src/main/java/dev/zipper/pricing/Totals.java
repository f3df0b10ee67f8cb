package dev.zipper.pricing;

/** What an order costs, as {@link PricingRules} made it at checkout. */
public record Totals(Money subtotal, Money shipping, Money tax, Money total) {
}
