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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order fulfilment process inside the server, with the real relay, topic and read side: each of
 * its steps happens once however often the event that causes it arrives.
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
    void a_checkout_delivered_again_and_again_places_reserves_and_pays_once() {
        String sku = "IT-" + UUID.randomUUID();
        run(Product.TYPE, sku, new ProductCommand.Add("Mug", Money.of("10", "EUR")), Expected.NEW_STREAM);
        run(Product.TYPE, sku, new ProductCommand.ReceiveStock(3), Expected.ANY_VERSION);
        String customer = UUID.randomUUID().toString();
        run(Account.TYPE, customer, new AccountCommand.Open("It", "it@example.org"), Expected.NEW_STREAM);
        run(Account.TYPE, customer, new AccountCommand.Confirm(), Expected.ANY_VERSION);
        run(Account.TYPE, customer, new AccountCommand.Activate(), Expected.ANY_VERSION);
        String cart = UUID.randomUUID().toString();
        run(Cart.TYPE, cart, new CartCommand.Open(customer), Expected.NEW_STREAM);
        run(Cart.TYPE, cart, new CartCommand.AddItem(sku, 2), Expected.ANY_VERSION);
        String order = UUID.randomUUID().toString();
        run(Cart.TYPE, cart, new CartCommand.CheckOut(order, AccountStatus.ACTIVE, Map.of(sku, Money.of("10", "EUR")), rules,
                new Card(TestCards.AUTHORISED), Instant.now()), Expected.ANY_VERSION);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types("order", order))
                .containsExactly("order.placed", "order.succeeded"));

        // the relay delivered each of these once already; by hand they are each a redelivery (as after a
        // crash), and the process, which keeps nothing in memory, finds them consumed in its stream
        RecordedEvent checkedOut = last("cart", cart);
        RecordedEvent reserved = last("product", sku);
        RecordedEvent authorised = last("payment", order);
        for (int delivery = 0; delivery < 3; delivery++) {
            assertThat(processes.handle(Fulfilment.TYPE, checkedOut)).as("a checkout new to the process").isFalse();
            assertThat(processes.handle(Fulfilment.TYPE, reserved)).as("a reservation new to the process").isFalse();
            assertThat(processes.handle(Fulfilment.TYPE, authorised)).as("a payment new to the process").isFalse();
        }

        assertThat(types("order", order)).containsExactly("order.placed", "order.succeeded");
        assertThat(types("product", sku)).containsExactly("product.added", "product.stock-received", "product.reserved");
        assertThat(types("payment", order)).containsExactly("payment.requested", "payment.authorised");
        assertThat(types("order-fulfilment", order)).containsExactly("fulfilment.started", "process.consumed",
                "fulfilment.line-reserved", "fulfilment.payment-requested", "process.consumed",
                "fulfilment.paid", "process.consumed");
        assertThat(log().readStream(new StreamId("order", order), 0)).allSatisfy(event ->
                assertThat(event.metadata().correlationId()).as("the whole flow carries the checkout's correlation")
                        .isEqualTo(checkedOut.metadata().correlationId()));
    }

    private <C> void run(AggregateType<C, ?, ?> type, String id, C command, Expected expected) {
        commands.execute(type, id, command, expected, CommandMetadata.correlatedWith(UUID.randomUUID()));
    }

    private List<String> types(String streamType, String id) {
        return log().readStream(new StreamId(streamType, id), 0).stream().map(RecordedEvent::type).toList();
    }

    private RecordedEvent last(String streamType, String id) {
        List<RecordedEvent> events = log().readStream(new StreamId(streamType, id), 0);
        return events.get(events.size() - 1);
    }

    private EventLog log() {
        return new EventLog(dataSource, EventLog.Transactions.LOCAL);
    }
}
