package dev.zipper.pricing;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import static org.assertj.core.api.Assertions.assertThat;

/** Money over generated amounts: sums do not depend on order, and no operation loses or invents a cent. */
class MoneyPropertiesTest {

    @Property
    void adding_is_commutative_and_associative(@ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal a,
                                               @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal b,
                                               @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal c) {
        Money x = new Money(a, "EUR");
        Money y = new Money(b, "EUR");
        Money z = new Money(c, "EUR");
        assertThat(x.plus(y)).isEqualTo(y.plus(x));
        assertThat(x.plus(y).plus(z)).isEqualTo(x.plus(y.plus(z)));
        assertThat(x.plus(Money.zero("EUR"))).isEqualTo(x);
    }

    @Property
    void times_a_quantity_is_adding_that_many_times(@ForAll @BigRange(min = "0", max = "10000") @Scale(2) BigDecimal amount,
                                                    @ForAll @IntRange(max = 50) int quantity) {
        Money price = new Money(amount, "EUR");
        Money sum = Money.zero("EUR");
        for (int i = 0; i < quantity; i++) {
            sum = sum.plus(price);
        }
        assertThat(price.times(quantity)).isEqualTo(sum);
    }

    @Property
    void an_amount_keeps_its_currencys_digits(@ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal amount,
                                              @ForAll @BigRange(min = "0", max = "1") @Scale(4) BigDecimal rate) {
        assertThat(new Money(amount, "EUR").amount().scale()).isEqualTo(2);
        assertThat(new Money(amount, "EUR").times(rate).amount().scale()).isEqualTo(2);
        assertThat(new Money(amount.setScale(0, java.math.RoundingMode.DOWN), "JPY").amount().scale()).isZero();
    }

    @Property
    void totals_add_up_and_shipping_is_free_from_the_threshold(@ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal subtotal) {
        PricingRules rules = new PricingRules(new BigDecimal("4.95"), new BigDecimal("50.00"), new BigDecimal("0.20"));
        Totals totals = rules.totals(new Money(subtotal, "EUR"));
        assertThat(totals.subtotal().plus(totals.shipping()).plus(totals.tax())).isEqualTo(totals.total());
        assertThat(totals.shipping().amount().signum() == 0).isEqualTo(subtotal.compareTo(new BigDecimal("50.00")) >= 0);
    }
}
