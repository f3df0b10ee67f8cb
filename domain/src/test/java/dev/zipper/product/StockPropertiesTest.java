package dev.zipper.product;

import dev.zipper.domain.CommandRejected;
import dev.zipper.pricing.Money;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Stock under any sequence of receipts, reservations, releases and shipments: no unit is lost or oversold. */
class StockPropertiesTest {

    @Property
    void every_unit_received_is_available_reserved_or_shipped_and_none_is_oversold(
            @ForAll("moves") List<ProductCommand> moves) {
        Product product = Product.TYPE.decider().fold(List.of(new ProductEvent.Added("Mug", Money.of("9.90", "EUR"))));
        for (ProductCommand move : moves) {
            try {
                product = Product.TYPE.decider().fold(product, product.decide(move));
            } catch (CommandRejected refused) {
                continue;
            }
            assertThat(product.available()).as("after %s", move).isNotNegative();
            assertThat(product.available() + product.reserved() + product.shipped()).as("after %s", move)
                    .isEqualTo(product.received());
        }
    }

    @Provide
    Arbitrary<List<ProductCommand>> moves() {
        Arbitrary<String> orders = Arbitraries.of("o1", "o2", "o3");
        Arbitrary<Integer> quantities = Arbitraries.integers().between(1, 10);
        return Arbitraries.<ProductCommand>oneOf(
                quantities.map(ProductCommand.ReceiveStock::new),
                Combinators.combine(orders, quantities).as(ProductCommand.Reserve::new),
                orders.map(ProductCommand.Release::new),
                orders.map(ProductCommand.Ship::new)).list().ofMaxSize(40);
    }
}
