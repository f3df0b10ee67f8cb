package dev.zipper.cart;

import dev.zipper.commands.CommandResult;
import dev.zipper.consistency.CommandAnswers;
import dev.zipper.domain.Omittable;
import dev.zipper.edge.Call;
import dev.zipper.edge.Exposure;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.RowJson;
import dev.zipper.order.OrderLine;
import dev.zipper.order.Quote;
import dev.zipper.payment.Card;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.pricing.Totals;
import dev.zipper.product.ProductView;
import dev.zipper.readside.Projection;
import dev.zipper.readside.RowReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A shopper's carts over HTTP: /carts. A cart is shown priced as the catalog prices it now. */
@ApplicationScoped
public class CartEndpoints implements Operations {

    /** cart_view, as the read side feeds it. */
    @Produces
    public static final Projection<CartEvent, CartView> VIEW = new Projection<>("cart-view", Cart.TYPE, CartView.class,
            CartView::new);

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
        return Exposure.of(Cart.TYPE, "carts")
                .opens("Open a cart for a customer", CartCommand.Open.class)
                .command("items", "Add units of a product to a cart", CartCommand.AddItem.class)
                .command("items/{sku}/remove", "Take units of a product out of a cart; the line goes when none are left",
                        CartCommand.RemoveItem.class)
                .command("clear", "Empty a cart", CartCommand.Clear.class)
                .command("checkout", "Check a cart out: its order is placed in the same transaction (Location names "
                        + "it), then reserved and paid by its process", CheckOutBody.class, 201, RowJson.schema(CheckedOut.class),
                        this::checkOut)
                .view("A cart with its lines and what it would cost now", VIEW, "id", Priced.class, this::priced)
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


    /** What a cart shows beside its row: whether it is open, and its lines and totals as the catalog prices them now. */
    public record Priced(String status, List<Line> lines, String currency, BigDecimal subtotal, BigDecimal shipping,
                         BigDecimal tax, BigDecimal total) {
        /** A line; name, unit price and total are left out for a product the catalog does not have. */
        public record Line(String sku, int quantity, String name, BigDecimal unitPrice, BigDecimal total) {
        }
    }

    private Priced priced(CartView row) {
        Cart cart = row.cart();
        Map<String, ProductView> catalog = reads.all(ProductView.class, cart.lines().stream().map(CartLine::sku).toList())
                .stream().collect(Collectors.toMap(ProductView::id, Function.identity()));
        Map<String, Money> prices = new HashMap<>();
        catalog.values().forEach(product -> prices.put(product.id(), new Money(product.price(), product.currency())));
        Quote quote = cart.quote(prices, rules);
        Map<String, OrderLine> priced = quote.priced().stream().collect(Collectors.toMap(OrderLine::sku, Function.identity()));
        List<Priced.Line> lines = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            OrderLine at = priced.get(line.sku());
            lines.add(at == null ? new Priced.Line(line.sku(), line.quantity(), null, null, null)
                    : new Priced.Line(line.sku(), line.quantity(), catalog.get(line.sku()).name(), at.unitPrice().amount(),
                    at.total().amount()));
        }
        String status = cart.checkedOut() ? "CHECKED_OUT" : "OPEN";
        Totals totals = quote.totals();
        return totals == null ? new Priced(status, lines, null, null, null, null, null)
                : new Priced(status, lines, totals.total().currency(), totals.subtotal().amount(),
                totals.shipping().amount(), totals.tax().amount(), totals.total().amount());
    }
}
