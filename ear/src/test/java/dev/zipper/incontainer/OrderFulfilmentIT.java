package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountStatus;
import dev.zipper.cart.Cart;
import dev.zipper.cart.CartCommand;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.domain.AggregateType;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.fulfilment.Fulfilment;
import dev.zipper.order.Order;
import dev.zipper.order.OrderCommand;
import dev.zipper.payment.Card;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.process.ProcessRunner;
import dev.zipper.product.Product;
import dev.zipper.product.ProductCommand;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order fulfilment process inside the server, with the real relay, topic, read side and test-card
 * gateway: each way an order can go reaches its final state, and each step happens once however often
 * the event that causes it arrives.
 */
@ExtendWith(ArquillianExtension.class)
class OrderFulfilmentIT {

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(OrderFulfilmentIT.class);
    }

    @Inject
    Commands commands;

    @Inject
    ProcessRunner processes;

    @Inject
    PricingRules rules;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void a_checkout_places_its_order_at_once_and_the_events_delivered_again_and_again_reserve_and_pay_once() {
        String sku = product(3);
        CheckedOut checkedOutCart = checkOut(sku, 2, TestCards.AUTHORISED);
        String order = checkedOutCart.order();
        String cart = checkedOutCart.cart();
        assertThat(commands.state(Order.TYPE, order)).as("placed by the checkout's own transaction").isPresent();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types("order", order))
                .containsExactly("order.placed", "order.succeeded"));

        // the relay delivered each of these once already; by hand they are each a redelivery (as after a
        // crash), and the process, which keeps nothing in memory, finds them consumed in its stream
        RecordedEvent checkedOut = last("cart", cart);
        RecordedEvent placed = first("order", order);
        RecordedEvent reserved = last("product", sku);
        RecordedEvent authorised = last("payment", order);
        for (int delivery = 0; delivery < 3; delivery++) {
            assertThat(processes.handle(Fulfilment.TYPE, placed)).as("a placed order new to the process").isFalse();
            assertThat(processes.handle(Fulfilment.TYPE, reserved)).as("a reservation new to the process").isFalse();
            assertThat(processes.handle(Fulfilment.TYPE, authorised)).as("a payment new to the process").isFalse();
        }

        assertThat(types("order", order)).containsExactly("order.placed", "order.succeeded");
        assertThat(types("product", sku)).containsExactly("product.added", "product.stock-received", "product.reserved");
        assertThat(types("payment", order)).containsExactly("payment.requested", "payment.submitted", "payment.authorised");
        assertThat(types("order-fulfilment", order)).containsExactly("fulfilment.started", "process.consumed",
                "fulfilment.line-reserved", "fulfilment.payment-requested", "process.consumed",
                "fulfilment.paid", "process.consumed");
        assertThat(log().readStream(new StreamId("order", order), 0)).allSatisfy(event ->
                assertThat(event.metadata().correlationId()).as("the whole flow carries the checkout's correlation")
                        .isEqualTo(checkedOut.metadata().correlationId()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "declined card         | 4000000000000002 | 2 | payment.declined  | payment declined: card declined",
            "no answer             | 4000000000000119 | 2 | payment.timed-out | payment timed out",
            "more than is in stock | 4242424242424242 | 9 |                   | 9 wanted, 3 available"})
    void an_order_that_cannot_be_paid_or_filled_fails_and_holds_no_stock(String path, String card, int quantity,
                                                                        String paymentEnd, String reason) {
        String sku = product(3);
        String order = checkOut(sku, quantity, card).order();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types("order", order))
                .containsExactly("order.placed", "order.failed"));
        assertThat(last("order", order).payload()).contains(reason);
        if (paymentEnd != null) {
            assertThat(types("payment", order)).containsExactly("payment.requested", "payment.submitted", paymentEnd);
        } else {
            assertThat(types("payment", order)).as("no payment asked for").isEmpty();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(commands.state(Product.TYPE, sku)
                .orElseThrow().state().reserved()).as("units still held").isZero());
    }

    @Test
    void a_paid_order_cancelled_is_refunded_and_its_stock_released() {
        String sku = product(3);
        String order = checkOut(sku, 2, TestCards.AUTHORISED).order();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types("order", order)).contains("order.succeeded"));

        run(Order.TYPE, order, new OrderCommand.Cancel(null), Expected.ANY_VERSION);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(types("payment", order)).containsExactly("payment.requested", "payment.submitted", "payment.authorised",
                    "payment.refunded");
            assertThat(commands.state(Product.TYPE, sku).orElseThrow().state().available()).isEqualTo(3);
        });
    }

    private String product(int stock) {
        String sku = "IT-" + UUID.randomUUID();
        run(Product.TYPE, sku, new ProductCommand.Add("Mug", Money.of("10", "EUR")), Expected.NEW_STREAM);
        run(Product.TYPE, sku, new ProductCommand.ReceiveStock(stock), Expected.ANY_VERSION);
        return sku;
    }

    private record CheckedOut(String cart, String order) {
    }

    /** An active customer's cart with one line, checked out. */
    private CheckedOut checkOut(String sku, int quantity, String card) {
        String customer = UUID.randomUUID().toString();
        run(Account.TYPE, customer, new AccountCommand.Open("It", "it@example.org"), Expected.NEW_STREAM);
        run(Account.TYPE, customer, new AccountCommand.Confirm(), Expected.ANY_VERSION);
        run(Account.TYPE, customer, new AccountCommand.Activate(), Expected.ANY_VERSION);
        String cart = UUID.randomUUID().toString();
        run(Cart.TYPE, cart, new CartCommand.Open(customer), Expected.NEW_STREAM);
        run(Cart.TYPE, cart, new CartCommand.AddItem(sku, quantity), Expected.ANY_VERSION);
        String order = UUID.randomUUID().toString();
        run(Cart.TYPE, cart, new CartCommand.CheckOut(order, AccountStatus.ACTIVE, Map.of(sku, Money.of("10", "EUR")), rules,
                new Card(card), Instant.now()), Expected.ANY_VERSION);
        return new CheckedOut(cart, order);
    }

    private <C> void run(AggregateType<C, ?, ?> type, String id, C command, Expected expected) {
        commands.execute(type, id, command, expected, CommandMetadata.correlatedWith(UUID.randomUUID()));
    }

    private List<String> types(String streamType, String id) {
        return log().readStream(new StreamId(streamType, id), 0).stream().map(RecordedEvent::type).toList();
    }

    private RecordedEvent first(String streamType, String id) {
        return log().readStream(new StreamId(streamType, id), 0).get(0);
    }

    private RecordedEvent last(String streamType, String id) {
        List<RecordedEvent> events = log().readStream(new StreamId(streamType, id), 0);
        return events.get(events.size() - 1);
    }

    private EventLog log() {
        return new EventLog(dataSource, EventLog.Transactions.LOCAL);
    }
}
