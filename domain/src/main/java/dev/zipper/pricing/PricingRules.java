package dev.zipper.pricing;

import java.math.BigDecimal;

/**
 * How an order's total is made from its lines, the rules stated rather than buried: shipping costs a flat
 * fee unless the subtotal reaches the free-shipping threshold; tax is a rate on subtotal plus shipping,
 * rounded half-even to the currency's minor unit. The amounts are in the order's currency.
 *
 * @param shippingFee      e.g. 4.95
 * @param freeShippingFrom e.g. 50.00: a subtotal of at least this ships free
 * @param taxRate          e.g. 0.20 for 20 %
 */
public record PricingRules(BigDecimal shippingFee, BigDecimal freeShippingFrom, BigDecimal taxRate) {

    public PricingRules {
        if (shippingFee.signum() < 0 || freeShippingFrom.signum() < 0 || taxRate.signum() < 0) {
            throw new IllegalArgumentException("pricing rules must not be negative: " + shippingFee + ", "
                    + freeShippingFrom + ", " + taxRate);
        }
    }

    public Totals totals(Money subtotal) {
        String currency = subtotal.currency();
        Money shipping = subtotal.isLessThan(new Money(freeShippingFrom, currency))
                ? new Money(shippingFee, currency) : Money.zero(currency);
        Money tax = subtotal.plus(shipping).times(taxRate);
        return new Totals(subtotal, shipping, tax, subtotal.plus(shipping).plus(tax));
    }
}
