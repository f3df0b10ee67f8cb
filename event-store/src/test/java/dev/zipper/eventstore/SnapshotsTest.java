package dev.zipper.eventstore;

import dev.zipper.account.Account;
import dev.zipper.account.AccountEvent;
import dev.zipper.account.Address;
import dev.zipper.cart.Cart;
import dev.zipper.cart.CartEvent;
import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.domain.StateVersion;
import dev.zipper.order.Order;
import dev.zipper.order.OrderEvent;
import dev.zipper.order.OrderLine;
import dev.zipper.payment.Card;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.Totals;
import dev.zipper.product.Product;
import dev.zipper.product.ProductEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot never changes an outcome: for every aggregate, the state folded from a snapshot taken after
 * any number of its events, and then the events after it, is the state folded from the first event on,
 * to the order of a cart's lines. A snapshot of another state shape counts as none.
 */
class SnapshotsTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Money MUG = Money.of("12.50", "EUR");
    private static final Card CARD = new Card(TestCards.AUTHORISED);
    private static final List<OrderLine> LINES = List.of(new OrderLine("MUG-01", 2, MUG), new OrderLine("TEE-02", 1, MUG));
    private static final Totals TOTALS = new Totals(Money.of("37.50", "EUR"), Money.of("4.95", "EUR"),
            Money.of("8.49", "EUR"), Money.of("50.94", "EUR"));

    private final TestDatabase database = TestDatabase.fresh();
    private final Snapshots snapshots = new Snapshots(database.dataSource());

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void every_aggregate_folds_to_the_same_state_from_any_snapshot() {
        sameFromEverySnapshot(Account.TYPE, List.of(new AccountEvent.Opened("Ada", "ada@example.org"),
                new AccountEvent.Confirmed(), new AccountEvent.Activated(), new AccountEvent.ShippingAddressSet(
                        new Address("1-1 Chiyoda", "Floor 3", "100-0001", "Chiyoda-ku", "Tokyo", "JP")),
                new AccountEvent.Suspended(), new AccountEvent.Reactivated()));
        sameFromEverySnapshot(Product.TYPE, List.of(new ProductEvent.Added("Mug", MUG), new ProductEvent.StockReceived(10),
                new ProductEvent.Reserved("o1", 2), new ProductEvent.Reserved("o2", 3), new ProductEvent.Released("o1", 2),
                new ProductEvent.Shipped("o2", 3), new ProductEvent.PriceChanged(Money.of("13.00", "EUR")),
                new ProductEvent.ReservationRefused("o3", 50, 5)));
        sameFromEverySnapshot(Cart.TYPE, List.of(new CartEvent.Opened("ada"), new CartEvent.ItemAdded("TEE-02", 1),
                new CartEvent.ItemAdded("MUG-01", 2), new CartEvent.ItemAdded("CAP-03", 1), new CartEvent.ItemAdded("BAG-04", 1),
                new CartEvent.ItemRemoved("TEE-02", 1), new CartEvent.ItemAdded("TEE-02", 1)));
        sameFromEverySnapshot(Order.TYPE, List.of(new OrderEvent.Placed("ada", "cart-1", LINES, TOTALS, CARD,
                        Instant.parse("2026-12-06T10:15:30.123456Z")), new OrderEvent.Succeeded("ref-1"),
                new OrderEvent.Shipped(), new OrderEvent.Delivered()));
        sameFromEverySnapshot(Payment.TYPE, List.of(new PaymentEvent.Requested(Money.of("50.94", "EUR"), CARD),
                new PaymentEvent.Submitted(), new PaymentEvent.Authorised("ref-1"), new PaymentEvent.Refunded()));
    }

    private <E, S> void sameFromEverySnapshot(AggregateType<?, E, S> type, List<E> events) {
        Decider<?, E, S> decider = type.decider();
        S whole = decider.fold(events);
        @SuppressWarnings("unchecked") // an initial state's class is the state's type
        Class<S> stateType = (Class<S>) decider.initialState().getClass();
        StreamId stream = new StreamId(type.streamType(), "s1");
        for (int taken = 1; taken <= events.size(); taken++) {
            snapshots.keep(stream, new Snapshots.Snapshot<>(taken, taken, decider.fold(events.subList(0, taken))));
            Snapshots.Snapshot<S> read = snapshots.latest(stream, stateType).orElseThrow();
            S resumed = decider.fold(read.state(), events.subList(read.version(), events.size()));

            assertThat(read.version()).isEqualTo(taken);
            assertThat(resumed).as(type.streamType() + " from a snapshot after " + taken).isEqualTo(whole);
            assertThat(JSONB.toJson(resumed)).as("in the same order").isEqualTo(JSONB.toJson(whole));
        }
    }

    /** The account's state, as a later shape of it would be declared. */
    @StateVersion(2)
    record Reshaped(String name) {
    }

    @Test
    void a_snapshot_of_another_shape_counts_as_none() {
        StreamId stream = new StreamId("account", "ada");
        snapshots.keep(stream, new Snapshots.Snapshot<>(3, 3, Account.TYPE.decider().fold(List.of(
                new AccountEvent.Opened("Ada", "ada@example.org"), new AccountEvent.Confirmed(), new AccountEvent.Activated()))));

        assertThat(snapshots.latest(stream, Account.class)).isPresent();
        assertThat(snapshots.latest(stream, Reshaped.class)).isEmpty();
        assertThat(snapshots.latest(stream, Money.class)).as("one that does not read").isEmpty();
    }
}
