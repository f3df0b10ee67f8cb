package dev.zipper.pricing;

import dev.zipper.domain.InvalidCommand;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final PricingRules RULES = new PricingRules(new BigDecimal("4.95"), new BigDecimal("50.00"),
            new BigDecimal("0.20"));

    @Test
    void amountsAreHeldToTheCurrencysMinorUnit() {
        assertThat(Money.of("12.5", "EUR")).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(Money.of("1200", "JPY").amount().scale()).isZero();
        assertThatThrownBy(() -> Money.of("12.345", "EUR")).isInstanceOf(InvalidCommand.class)
                .hasMessageContaining("EUR has 2 decimal places");
        assertThatThrownBy(() -> Money.of("0.5", "JPY")).isInstanceOf(InvalidCommand.class);
    }

    @Test
    void refusesNegativeAmountsAndUnknownCurrencies() {
        assertThatThrownBy(() -> Money.of("-1", "EUR")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Money.of("1", "eur")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of("1", "XYZ")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD"))).hasMessageContaining("EUR with USD");
    }

    @Test
    void belowTheThresholdShippingIsChargedAndTaxedWithTheGoods() {
        Totals totals = RULES.totals(Money.of("20.00", "EUR"));
        assertThat(totals.shipping()).isEqualTo(Money.of("4.95", "EUR"));
        assertThat(totals.tax()).isEqualTo(Money.of("4.99", "EUR")); // 24.95 * 0.20 = 4.99
        assertThat(totals.total()).isEqualTo(Money.of("29.94", "EUR"));
    }

    @Test
    void fromTheThresholdShippingIsFreeAndTaxRoundsHalfEven() {
        Totals totals = RULES.totals(Money.of("50.12", "EUR")); // 10.024 rounds down
        assertThat(totals.shipping()).isEqualTo(Money.zero("EUR"));
        assertThat(totals.tax()).isEqualTo(Money.of("10.02", "EUR"));
        assertThat(RULES.totals(Money.of("0.12", "EUR")).tax()) // (0.12 + 4.95) * 0.2 = 1.014
                .isEqualTo(Money.of("1.01", "EUR"));
        assertThat(new PricingRules(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.5"))
                .totals(Money.of("0.05", "EUR")).tax()).isEqualTo(Money.of("0.02", "EUR")); // 0.025, half-even
    }
}
