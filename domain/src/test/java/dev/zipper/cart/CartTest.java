package dev.zipper.cart;

import dev.zipper.account.AccountStatus;
import dev.zipper.domain.DeciderFixture;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.Issued;
import dev.zipper.order.Order;
import dev.zipper.order.OrderCommand;
import dev.zipper.order.OrderLine;
import dev.zipper.payment.Card;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.pricing.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class CartTest {

    private static final DeciderFixture<CartCommand, CartEvent, Cart> CART = DeciderFixture.of(Cart.TYPE);
    private static final CartEvent OPENED = new CartEvent.Opened("c1");
    private static final PricingRules RULES = new PricingRules(new BigDecimal("5.00"), new BigDecimal("100.00"),
            new BigDecimal("0.10"));
    private static final Card CARD = new Card(TestCards.AUTHORISED);
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final Map<String, Money> PRICES = Map.of("mug", Money.of("10", "EUR"), "tea", Money.of("4.50", "EUR"));

    @Test
    void linesKeepTheirFirstPlaceAndGoAtZero() {
        CART.given(OPENED, new CartEvent.ItemAdded("mug", 1), new CartEvent.ItemAdded("tea", 2))
                .when(new CartCommand.AddItem("mug", 2)).then(new CartEvent.ItemAdded("mug", 2))
                .andStateSatisfies(cart -> assertThat(cart.lines()).containsExactly(entry("mug", 3), entry("tea", 2)));
        CART.given(OPENED, new CartEvent.ItemAdded("mug", 1), new CartEvent.ItemAdded("tea", 2))
                .when(new CartCommand.RemoveItem("mug", 5)).then(new CartEvent.ItemRemoved("mug", 1))
                .andState(new Cart("c1", Map.of("tea", 2), null));
        CART.given(OPENED).when(new CartCommand.RemoveItem("mug", 1)).thenRejected(IllegalTransition.class, "holds no mug");
        CART.given(OPENED, new CartEvent.ItemAdded("mug", 1)).when(new CartCommand.Clear()).then(new CartEvent.Cleared())
                .andState(new Cart("c1", Map.of(), null));
        CART.given(OPENED).when(new CartCommand.Clear()).then();
    }

    @Test
    void quantitiesAndSkusAreChecked() {
        assertThatThrownBy(() -> new CartCommand.AddItem("mug", 0)).isInstanceOf(InvalidCommand.class)
                .hasMessageContaining("quantity must be 1 to 100000, got 0");
        assertThatThrownBy(() -> new CartCommand.RemoveItem("mug", -1)).isInstanceOf(InvalidCommand.class);
        assertThatThrownBy(() -> new CartCommand.AddItem("a b", 1)).hasMessageContaining("sku must be");
        CART.given().when(new CartCommand.AddItem("mug", 1)).thenRejected(IllegalTransition.class, "not open");
    }

    @Test
    void checkingOutPricesTheLinesAndAddsShippingAndTax() {
        List<OrderLine> lines = List.of(new OrderLine("mug", 3, Money.of("10", "EUR")), new OrderLine("tea", 2, Money.of("4.50", "EUR")));
        Totals totals = new Totals(Money.of("39", "EUR"), Money.of("5", "EUR"), Money.of("4.40", "EUR"), Money.of("48.40", "EUR"));
        CART.given(OPENED, new CartEvent.ItemAdded("mug", 3), new CartEvent.ItemAdded("tea", 2))
                .when(new CartCommand.CheckOut("o1", AccountStatus.ACTIVE, PRICES, RULES, CARD, AT))
                .then(new CartEvent.CheckedOut("o1", "c1", lines, totals, CARD, AT));
    }

    @Test
    void aCheckoutPlacesItsOrderInTheSameTransactionAndNothingElseIssuesAnything() {
        List<OrderLine> lines = List.of(new OrderLine("mug", 1, Money.of("10", "EUR")));
        Totals totals = new Totals(Money.of("10", "EUR"), Money.of("5", "EUR"), Money.of("1.50", "EUR"), Money.of("16.50", "EUR"));
        assertThat(Cart.TYPE.consequences().of(new CartEvent.CheckedOut("o1", "c1", lines, totals, CARD, AT), "cart1"))
                .containsExactly(Issued.opening(Order.TYPE, "o1", new OrderCommand.Place("c1", "cart1", lines, totals, CARD, AT)));
        assertThat(Cart.TYPE.consequences().of(new CartEvent.ItemAdded("mug", 1), "cart1")).isEmpty();
    }

    @Test
    void onlyAFullCartOfKnownProductsOfAnActiveCustomerChecksOut() {
        CART.given(OPENED).when(new CartCommand.CheckOut("o1", AccountStatus.ACTIVE, PRICES, RULES, CARD, AT))
                .thenRejected(IllegalTransition.class, "empty cart");
        CART.given(OPENED, new CartEvent.ItemAdded("mug", 1), new CartEvent.ItemAdded("ghost", 1))
                .when(new CartCommand.CheckOut("o1", AccountStatus.ACTIVE, PRICES, RULES, CARD, AT))
                .thenRejected(IllegalTransition.class, "catalog does not have: ghost");
        CART.given(OPENED, new CartEvent.ItemAdded("mug", 1))
                .when(new CartCommand.CheckOut("o1", AccountStatus.SUSPENDED, PRICES, RULES, CARD, AT))
                .thenRejected(IllegalTransition.class, "Only an ACTIVE account may order", "SUSPENDED");
        CART.given(OPENED, new CartEvent.ItemAdded("mug", 1), new CartEvent.ItemAdded("tea", 1))
                .when(new CartCommand.CheckOut("o1", AccountStatus.ACTIVE,
                        Map.of("mug", Money.of("1", "EUR"), "tea", Money.of("1", "USD")), RULES, CARD, AT))
                .thenRejected(IllegalTransition.class, "EUR and USD");
        CART.given(OPENED, new CartEvent.ItemAdded("mug", 1), new CartEvent.CheckedOut("o1", "c1", List.of(), null, CARD, AT))
                .when(new CartCommand.AddItem("mug", 1)).thenRejected(IllegalTransition.class, "checked out (order o1)");
    }

    @Test
    void cardNumbersMustPassTheLuhnCheck() {
        assertThatThrownBy(() -> new Card("4242424242424241")).isInstanceOf(InvalidCommand.class).hasMessageContaining("Luhn");
        assertThatThrownBy(() -> new Card("4242")).isInstanceOf(InvalidCommand.class);
        assertThat(new Card("4242 4242 4242 4242").masked()).isEqualTo("**** 4242");
    }
}
