package dev.zipper.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shop's pricing rules, from MicroProfile Config (system properties, environment variables such as
 * ZIPPER_PRICING_TAX_RATE, or microprofile-config.properties): read when an order is checked out, so a
 * change applies to the next checkout and never to an order already placed.
 */
@ApplicationScoped
public class PricingConfiguration {

    @Inject
    @ConfigProperty(name = "zipper.pricing.shipping-fee", defaultValue = "4.95")
    private BigDecimal shippingFee;

    @Inject
    @ConfigProperty(name = "zipper.pricing.free-shipping-from", defaultValue = "50.00")
    private BigDecimal freeShippingFrom;

    @Inject
    @ConfigProperty(name = "zipper.pricing.tax-rate", defaultValue = "0.20")
    private BigDecimal taxRate;

    @Produces
    PricingRules rules() {
        return new PricingRules(shippingFee, freeShippingFrom, taxRate);
    }
}
