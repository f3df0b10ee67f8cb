package dev.zipper.order;

import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.pricing.Totals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What lines would cost as an order, at these prices and under the pricing rules: the lines that have a
 * price, priced; the skus that have none; the currencies seen; and the totals when every line is priced,
 * in one currency (else null). A cart's checkout decides by it and the cart's view shows it, so the two
 * cannot price a cart differently.
 */
public record Quote(List<OrderLine> priced, Set<String> unpriced, Set<String> currencies, Totals totals) {

    /** @param quantities units by sku, in the order the lines should keep */
    public static Quote of(Map<String, Integer> quantities, Map<String, Money> prices, PricingRules rules) {
        List<OrderLine> priced = new ArrayList<>();
        Set<String> unpriced = new TreeSet<>();
        Set<String> currencies = new TreeSet<>();
        quantities.forEach((sku, quantity) -> {
            Money price = prices.get(sku);
            if (price == null) {
                unpriced.add(sku);
            } else {
                currencies.add(price.currency());
                priced.add(new OrderLine(sku, quantity, price));
            }
        });
        boolean complete = !priced.isEmpty() && unpriced.isEmpty() && currencies.size() == 1;
        return new Quote(priced, unpriced, currencies, complete
                ? rules.totals(priced.stream().map(OrderLine::total).reduce(Money::plus).orElseThrow()) : null);
    }
}
