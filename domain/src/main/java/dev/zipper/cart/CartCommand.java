package dev.zipper.cart;

import dev.zipper.account.Account;
import dev.zipper.account.AccountStatus;
import dev.zipper.domain.Facts;
import dev.zipper.domain.GathersFacts;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.Text;
import dev.zipper.payment.Card;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.product.Product;
import dev.zipper.product.Sku;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** What a shopper can do with a cart. */
public sealed interface CartCommand {

    /** Opens a cart for a customer whose account exists. */
    record Open(String customerId) implements CartCommand, GathersFacts<CartCommand, Cart> {
        public Open {
            customerId = Text.required("customerId", customerId, 64);
        }

        @Override
        public CartCommand gather(Cart cart, Facts facts) {
            facts.of(Account.TYPE, customerId).orElseThrow(() -> new InvalidCommand("No account with id " + customerId));
            return this;
        }
    }

    /** Adds units of a product the catalog has. */
    record AddItem(String sku, int quantity) implements CartCommand, GathersFacts<CartCommand, Cart> {
        public AddItem {
            sku = Sku.required(sku);
            positive(quantity);
        }

        @Override
        public CartCommand gather(Cart cart, Facts facts) {
            facts.of(Product.TYPE, sku).orElseThrow(() -> new InvalidCommand("No product with sku " + sku));
            return this;
        }
    }

    /** Takes units of a product out; the line goes when none are left. */
    record RemoveItem(String sku, int quantity) implements CartCommand {
        public RemoveItem {
            sku = Sku.required(sku);
            positive(quantity);
        }
    }

    record Clear() implements CartCommand { }

    /**
     * Turns the cart into an order with this id, paid with this card, dated {@code at} in the sales figures.
     * What the cart cannot know is gathered in the checkout's transaction, for the lines as they are then:
     * the {@code customer}'s account status (only an ACTIVE account may order) and the catalog's {@code prices}.
     */
    record CheckOut(String orderId, AccountStatus customer, Map<String, Money> prices, PricingRules rules, Card card,
                    Instant at) implements CartCommand, GathersFacts<CartCommand, Cart> {
        public CheckOut {
            Objects.requireNonNull(at, "at");
            prices = Map.copyOf(prices);
            Objects.requireNonNull(rules, "rules");
            if (card == null) {
                throw new InvalidCommand("card is required");
            }
        }

        /** A checkout as the shopper asks for it, its facts still to gather. */
        public CheckOut(String orderId, PricingRules rules, Card card, Instant at) {
            this(orderId, null, Map.of(), rules, card, at);
        }

        @Override
        public CartCommand gather(Cart cart, Facts facts) {
            Map<String, Money> prices = new HashMap<>();
            cart.lines().keySet().forEach(sku -> facts.of(Product.TYPE, sku)
                    .ifPresent(product -> prices.put(sku, product.price())));
            AccountStatus status = cart.customerId() == null ? null
                    : facts.of(Account.TYPE, cart.customerId()).map(Account::status).orElse(null);
            return new CheckOut(orderId, status, prices, rules, card, at);
        }
    }

    /** Most units one command moves: enough for any cart, far from overflowing a line. */
    int MAX_QUANTITY = 100_000;

    private static void positive(int quantity) {
        if (quantity <= 0 || quantity > MAX_QUANTITY) {
            throw new InvalidCommand("quantity must be 1 to " + MAX_QUANTITY + ", got " + quantity);
        }
    }
}
