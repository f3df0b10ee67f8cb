package dev.zipper.cart;

import dev.zipper.domain.CommandRejected;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** A cart under any sequence of additions and removals holds what was added less what was taken out. */
class CartPropertiesTest {

    @Property
    void the_lines_hold_each_skus_units_once_in_the_order_first_added_never_none(@ForAll("changes") List<CartCommand> changes) {
        Cart cart = Cart.TYPE.decider().fold(List.of(new CartEvent.Opened("c1")));
        Map<String, Integer> expected = new LinkedHashMap<>(); // in the order skus were first added
        for (CartCommand change : changes) {
            try {
                cart = Cart.TYPE.decider().fold(cart, cart.decide(change));
            } catch (CommandRejected refused) {
                continue; // removing what the cart does not hold: refused, and nothing changes
            }
            if (change instanceof CartCommand.AddItem add) {
                expected.merge(add.sku(), add.quantity(), Integer::sum);
            } else if (change instanceof CartCommand.RemoveItem remove) {
                expected.computeIfPresent(remove.sku(), (sku, held) -> held > remove.quantity() ? held - remove.quantity() : null);
            }
        }
        assertThat(List.copyOf(cart.lines().entrySet())).isEqualTo(List.copyOf(expected.entrySet()));
        assertThat(cart.lines().values()).allSatisfy(quantity -> assertThat(quantity).isPositive());
    }

    @Provide
    Arbitrary<List<CartCommand>> changes() {
        Arbitrary<String> skus = Arbitraries.of("MUG-01", "TEA-01", "PEN-01");
        Arbitrary<Integer> quantities = Arbitraries.integers().between(1, 5);
        Arbitrary<CartCommand> add = net.jqwik.api.Combinators.combine(skus, quantities).as(CartCommand.AddItem::new);
        Arbitrary<CartCommand> remove = net.jqwik.api.Combinators.combine(skus, quantities).as(CartCommand.RemoveItem::new);
        return Arbitraries.oneOf(add, remove).list().ofMaxSize(30);
    }
}
