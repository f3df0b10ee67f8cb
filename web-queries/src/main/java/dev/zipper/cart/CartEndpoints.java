package dev.zipper.cart;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.commands.CommandResult;
import dev.zipper.consistency.CommandAnswers;
import dev.zipper.domain.Omittable;
import dev.zipper.edge.Call;
import dev.zipper.edge.Exposure;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.RowJson;
import dev.zipper.order.Quote;
import dev.zipper.payment.Card;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.pricing.Totals;
import dev.zipper.product.ProductView;
import dev.zipper.readside.RowReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A shopper's carts over HTTP: /carts. A cart is shown as its stream folds it (it has no table: it is read
 * one at a time and its stream is short), priced as the catalog prices it now.
 */
@ApplicationScoped
public class CartEndpoints implements Operations {

    @Inject
    private PricingRules rules;

    @Inject
    private RowReads reads;

    /** Without a card the order is paid with the test card that is always authorised. */
    public record CheckOutBody(@Omittable String card) {
    }

    /** The checkout's answer: the order it placed, and the log position of the order's first event. */
    public record CheckedOut(String orderId, String cartId, long position) {
    }

    @Override
    public List<Route> routes() {
        return Exposure.of(Cart.TYPE, "carts", Access.owner(Role.STAFF))
                .opens("Open a cart for a customer", CartCommand.Open.class)
                .command("items", "Add units of a product to a cart", CartCommand.AddItem.class)
                .command("items/{sku}/remove", "Take units of a product out of a cart; the line goes when none are left",
                        CartCommand.RemoveItem.class)
                .command("clear", "Empty a cart", CartCommand.Clear.class)
                .command("checkout", "Check a cart out: its order is placed in the same transaction (Location names "
                        + "it), then reserved and paid by its process", CheckOutBody.class, 201, RowJson.schema(CheckedOut.class),
                        this::checkOut)
                .state("A cart with its lines and what it would cost now", Shown.class, this::shown)
                .routes();
    }

    private Response checkOut(Call call, CheckOutBody body) {
        String orderId = UUID.randomUUID().toString();
        Card card = new Card(body.card() == null ? TestCards.AUTHORISED : body.card());
        CommandResult result = call.run(Cart.TYPE, new CartCommand.CheckOut(orderId, rules, card, Instant.now()));
        Response created = Response.created(call.uri().getBaseUriBuilder().path("orders").path(orderId).build())
                .entity(RowJson.of(new CheckedOut(orderId, result.id(), result.position())).toString()).build();
        CommandAnswers.tag(created.getHeaders(), result);
        return created;
    }

    /** A cart, open or checked out, with its lines and totals as the catalog prices them now (none if it cannot). */
    public record Shown(String customerId, String orderId, String status, List<Line> lines, String currency,
                        BigDecimal subtotal, BigDecimal shipping, BigDecimal tax, BigDecimal total) {
        /** A line; name, unit price and total are left out for a product the catalog does not have. */
        public record Line(String sku, int quantity, String name, BigDecimal unitPrice, BigDecimal total) {
        }
    }

    private Shown shown(Cart cart) {
        Map<String, ProductView> catalog = reads.all(ProductView.class, List.copyOf(cart.lines().keySet())).stream()
                .collect(Collectors.toMap(ProductView::id, Function.identity()));
        Map<String, Money> prices = catalog.values().stream().collect(Collectors.toMap(ProductView::id, ProductView::price));
        List<Shown.Line> lines = new ArrayList<>();
        cart.lines().forEach((sku, quantity) -> lines.add(catalog.containsKey(sku) ? new Shown.Line(sku, quantity,
                catalog.get(sku).name(), prices.get(sku).amount(), prices.get(sku).times(quantity).amount())
                : new Shown.Line(sku, quantity, null, null, null)));
        Totals totals = Quote.of(cart.lines(), prices, rules).totals();
        String status = cart.checkedOut() ? "CHECKED_OUT" : "OPEN";
        return totals == null ? new Shown(cart.customerId(), cart.orderId(), status, lines, null, null, null, null, null)
                : new Shown(cart.customerId(), cart.orderId(), status, lines, totals.total().currency(),
                totals.subtotal().amount(), totals.shipping().amount(), totals.tax().amount(), totals.total().amount());
    }
}
