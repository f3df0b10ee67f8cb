package dev.zipper.cart;

import dev.zipper.account.AccountStatus;
import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.domain.Issued;
import dev.zipper.order.Order;
import dev.zipper.order.OrderCommand;
import dev.zipper.order.Quote;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's shopping cart: units by sku, in the order the skus were first added. Its checkout places the
 * order in the same transaction (so the order exists when the checkout answers); from then on the cart is
 * the order's history and takes no more changes.
 */
public record Cart(String customerId, Map<String, Integer> lines, String orderId) {

    public static final Cart NONE = new Cart(null, Map.of(), null);

    public static final AggregateType<CartCommand, CartEvent, Cart> TYPE = new AggregateType<>("cart", CartEvent.class,
            Decider.of(NONE, Cart::decide, Cart::evolve), Cart::places).ownedBy((id, cart) -> cart.customerId());

    public Cart {
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines)); // Map.copyOf would lose the order
    }

    public boolean checkedOut() {
        return orderId != null;
    }

    public int quantityOf(String sku) {
        return lines.getOrDefault(sku, 0);
    }

    public List<CartEvent> decide(CartCommand command) {
        if (command instanceof CartCommand.Open open) {
            if (customerId != null) {
                throw new IllegalTransition("This cart is already open");
            }
            return List.of(new CartEvent.Opened(open.customerId()));
        }
        if (customerId == null) {
            throw new IllegalTransition("This cart is not open");
        }
        if (checkedOut()) {
            throw new IllegalTransition("This cart was checked out (order " + orderId + ") and can no longer change");
        }
        if (command instanceof CartCommand.AddItem add) {
            return List.of(new CartEvent.ItemAdded(add.sku(), add.quantity()));
        }
        if (command instanceof CartCommand.RemoveItem remove) {
            int held = quantityOf(remove.sku());
            if (held == 0) {
                throw new IllegalTransition("The cart holds no " + remove.sku());
            }
            return List.of(new CartEvent.ItemRemoved(remove.sku(), Math.min(held, remove.quantity())));
        }
        if (command instanceof CartCommand.Clear) {
            return lines.isEmpty() ? List.of() : List.of(new CartEvent.Cleared());
        }
        return checkOut((CartCommand.CheckOut) command);
    }

    private List<CartEvent> checkOut(CartCommand.CheckOut checkOut) {
        if (lines.isEmpty()) {
            throw new IllegalTransition("An empty cart cannot be checked out");
        }
        if (checkOut.customer() != AccountStatus.ACTIVE) {
            throw new IllegalTransition("Only an ACTIVE account may order; the customer's account is "
                    + (checkOut.customer() == null ? "unknown" : checkOut.customer()));
        }
        Quote quote = Quote.of(lines, checkOut.prices(), checkOut.rules());
        if (!quote.unpriced().isEmpty()) {
            throw new IllegalTransition("The cart holds products the catalog does not have: "
                    + String.join(", ", quote.unpriced()));
        }
        if (quote.totals() == null) {
            throw new IllegalTransition("An order is paid in one currency; the cart's products are priced in "
                    + String.join(" and ", quote.currencies()));
        }
        return List.of(new CartEvent.CheckedOut(checkOut.orderId(), customerId, quote.priced(), quote.totals(),
                checkOut.card(), checkOut.at()));
    }

    /** A checkout places its order, with the lines as priced and the card to pay with. */
    static List<Issued<?>> places(CartEvent event, String cartId) {
        if (!(event instanceof CartEvent.CheckedOut out)) {
            return List.of();
        }
        return List.of(Issued.opening(Order.TYPE, out.orderId(),
                new OrderCommand.Place(out.customerId(), cartId, out.lines(), out.totals(), out.card(), out.at())));
    }

    public Cart evolve(CartEvent event) {
        if (event instanceof CartEvent.Opened opened) {
            return new Cart(opened.customerId(), Map.of(), null);
        }
        if (event instanceof CartEvent.ItemAdded added) {
            return new Cart(customerId, changed(added.sku(), added.quantity()), null);
        }
        if (event instanceof CartEvent.ItemRemoved removed) {
            return new Cart(customerId, changed(removed.sku(), -removed.quantity()), null);
        }
        if (event instanceof CartEvent.Cleared) {
            return new Cart(customerId, Map.of(), null);
        }
        return new Cart(customerId, lines, ((CartEvent.CheckedOut) event).orderId());
    }

    /** The lines with {@code delta} units more of a product: a new one at the end, none left at zero. */
    private Map<String, Integer> changed(String sku, int delta) {
        Map<String, Integer> changed = new LinkedHashMap<>(lines);
        changed.merge(sku, delta, Integer::sum);
        changed.remove(sku, 0);
        return changed;
    }
}
