package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.cart.Cart;
import dev.zipper.cart.CartCommand;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.domain.AggregateType;
import dev.zipper.eventstore.Snapshots;
import dev.zipper.eventstore.StreamId;
import dev.zipper.pricing.Money;
import dev.zipper.product.Product;
import dev.zipper.product.ProductCommand;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the server, with its own JSON-B: the command that brings a stream to its 100th event (the default
 * interval) keeps the state as the stream's snapshot, and that snapshot reads back as the state the
 * decider holds, a cart's lines in the order they were added.
 */
@ExtendWith(ArquillianExtension.class)
class SnapshotsIT {

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(SnapshotsIT.class);
    }

    @Inject
    Commands commands;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void the_hundredth_event_of_a_cart_leaves_a_snapshot_that_reads_as_the_cart() {
        String customer = UUID.randomUUID().toString();
        run(Account.TYPE, customer, new AccountCommand.Open("Snap", "snap@example.org"), Expected.NEW_STREAM);
        String tag = customer.substring(0, 8);
        List<String> skus = List.of("C-" + tag, "A-" + tag, "B-" + tag);
        skus.forEach(sku -> run(Product.TYPE, sku, new ProductCommand.Add("Thing", Money.of("1", "EUR")), Expected.NEW_STREAM));
        String cart = UUID.randomUUID().toString();
        run(Cart.TYPE, cart, new CartCommand.Open(customer), Expected.NEW_STREAM);
        for (int i = 0; i < 99; i++) {
            run(Cart.TYPE, cart, new CartCommand.AddItem(skus.get(i % 3), 1), Expected.ANY_VERSION);
        }

        Snapshots.Snapshot<Cart> snapshot = new Snapshots(dataSource).latest(new StreamId("cart", cart), Cart.class).orElseThrow();
        assertThat(snapshot.version()).isEqualTo(100);
        assertThat(snapshot.state()).isEqualTo(commands.state(Cart.TYPE, cart).orElseThrow().state());
        assertThat(List.copyOf(snapshot.state().lines().keySet())).containsExactlyElementsOf(skus);
        assertThat(snapshot.state().quantityOf(skus.get(0))).isEqualTo(33);
    }

    private <C> void run(AggregateType<C, ?, ?> type, String id, C command, Expected expected) {
        commands.execute(type, id, command, expected, CommandMetadata.correlatedWith(UUID.randomUUID()));
    }
}
