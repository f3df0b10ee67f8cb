package dev.zipper.product;

import dev.zipper.domain.DeciderFixture;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.pricing.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductTest {

    private static final DeciderFixture<ProductCommand, ProductEvent, Product> PRODUCT = DeciderFixture.of(Product.TYPE);
    private static final Money PRICE = Money.of("9.90", "EUR");
    private static final ProductEvent ADDED = new ProductEvent.Added("Mug", PRICE);
    private static final ProductEvent TEN_IN = new ProductEvent.StockReceived(10);

    @Test
    void aProductIsAddedOnceWithAPositivePrice() {
        PRODUCT.given().when(new ProductCommand.Add("Mug", PRICE)).then(ADDED)
                .andState(new Product("Mug", PRICE, 0, 0, Map.of(), 0));
        PRODUCT.given(ADDED).when(new ProductCommand.Add("Cup", PRICE)).thenRejected(IllegalTransition.class, "already exists");
        assertThatThrownBy(() -> new ProductCommand.Add("Mug", Money.of("0", "EUR"))).isInstanceOf(InvalidCommand.class)
                .hasMessageContaining("price must be more than zero");
        assertThatThrownBy(() -> new ProductCommand.Add("Mug", null)).hasMessageContaining("price is required");
        assertThatThrownBy(() -> new ProductCommand.ReceiveStock(0)).hasMessageContaining("quantity must be at least 1");
    }

    @Test
    void thePriceChangesWithinItsCurrency() {
        PRODUCT.given(ADDED).when(new ProductCommand.ChangePrice(new BigDecimal("12")))
                .then(new ProductEvent.PriceChanged(Money.of("12.00", "EUR")));
        PRODUCT.given(ADDED).when(new ProductCommand.ChangePrice(new BigDecimal("9.9"))).then();
        PRODUCT.given(ADDED).when(new ProductCommand.ChangePrice(new BigDecimal("9.999")))
                .thenRejected(InvalidCommand.class, "EUR has 2 decimal places");
        assertThatThrownBy(() -> new ProductCommand.ChangePrice(BigDecimal.ZERO)).hasMessageContaining("more than zero");
        PRODUCT.given().when(new ProductCommand.ChangePrice(BigDecimal.TEN)).thenRejected(IllegalTransition.class, "No such product");
    }

    @Test
    void reservesWhatIsAvailableAndRecordsARefusalOtherwise() {
        PRODUCT.given(ADDED, TEN_IN).when(new ProductCommand.Reserve("o1", 10)).then(new ProductEvent.Reserved("o1", 10))
                .andState(new Product("Mug", PRICE, 10, 0, Map.of("o1", 10), 0));
        PRODUCT.given(ADDED, TEN_IN, new ProductEvent.Reserved("o1", 8)).when(new ProductCommand.Reserve("o2", 3))
                .then(new ProductEvent.ReservationRefused("o2", 3, 2));
        PRODUCT.given(ADDED, TEN_IN, new ProductEvent.Reserved("o1", 8)).when(new ProductCommand.Reserve("o1", 8)).then();
    }

    @Test
    void releasingAndShippingMoveAnOrdersUnitsOnce() {
        ProductEvent reserved = new ProductEvent.Reserved("o1", 4);
        PRODUCT.given(ADDED, TEN_IN, reserved).when(new ProductCommand.Release("o1")).then(new ProductEvent.Released("o1", 4))
                .andState(new Product("Mug", PRICE, 10, 10, Map.of(), 0));
        PRODUCT.given(ADDED, TEN_IN, reserved).when(new ProductCommand.Ship("o1")).then(new ProductEvent.Shipped("o1", 4))
                .andState(new Product("Mug", PRICE, 10, 6, Map.of(), 4));
        PRODUCT.given(ADDED, TEN_IN, reserved, new ProductEvent.Released("o1", 4)).when(new ProductCommand.Release("o1")).then();
        PRODUCT.given(ADDED, TEN_IN).when(new ProductCommand.Ship("o9")).then();
    }

    /** Whatever is asked, in any order: units are never negative and never appear or vanish. */
    @Test
    void receivedIsAlwaysAvailablePlusReservedPlusShipped() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            Product product = Product.TYPE.decider().fold(List.of(ADDED));
            for (int step = 0; step < 50; step++) {
                String order = "o" + random.nextInt(8);
                ProductCommand command = switch (random.nextInt(4)) {
                    case 0 -> new ProductCommand.ReceiveStock(1 + random.nextInt(5));
                    case 1 -> new ProductCommand.Reserve(order, 1 + random.nextInt(6));
                    case 2 -> new ProductCommand.Release(order);
                    default -> new ProductCommand.Ship(order);
                };
                product = Product.TYPE.decider().fold(product, product.decide(command));
                assertThat(product.available()).isNotNegative();
                assertThat(product.reservations().values()).allMatch(units -> units > 0);
                assertThat(product.received()).isEqualTo(product.available() + product.reserved() + product.shipped());
            }
        }
    }
}
