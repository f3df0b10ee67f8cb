package dev.zipper.cart;

import dev.zipper.account.AccountStatus;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.Text;
import dev.zipper.payment.Card;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.product.Sku;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What a shopper can do with a cart. */
public sealed interface CartCommand {

    record Open(String customerId) implements CartCommand {
        public Open {
            customerId = Text.required("customerId", customerId, 64);
        }
    }

    record AddItem(String sku, int quantity) implements CartCommand {
        public AddItem {
            sku = Sku.required(sku);
            positive(quantity);
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
     * Turns the cart into an order. What the cart cannot know is read for it first, when the shopper
     * checks out: the customer's account status and the catalog's prices now.
     *
     * @param orderId  the id the order will have
     * @param customer the status of the customer's account (only an ACTIVE account may order)
     * @param prices   the current price of each product in the cart that exists
     * @param rules    shipping and tax
     * @param card     what the order will be paid with
     * @param at       when the shopper checked out (the order's date in the sales figures)
     */
    record CheckOut(String orderId, AccountStatus customer, Map<String, Money> prices, PricingRules rules, Card card,
                    Instant at) implements CartCommand {
        public CheckOut {
            Objects.requireNonNull(at, "at");
            prices = Map.copyOf(prices);
            Objects.requireNonNull(rules, "rules");
            if (card == null) {
                throw new InvalidCommand("card is required");
            }
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
