package dev.zipper.product;

import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.Text;
import dev.zipper.pricing.Money;
import java.math.BigDecimal;

/** What can be asked of a product and its stock. The product's id is its sku. */
public sealed interface ProductCommand {

    /** Adds a product to the catalog, with no stock yet. */
    record Add(String name, Money price) implements ProductCommand {
        public Add {
            name = Text.required("name", name, 200);
            price = positive(price);
        }
    }

    /** A new price, in the currency the product was added with. */
    record ChangePrice(BigDecimal price) implements ProductCommand {
        public ChangePrice {
            if (price == null) {
                throw new InvalidCommand("price is required");
            }
            if (price.signum() <= 0) {
                throw new InvalidCommand("price must be more than zero, got " + price.toPlainString());
            }
        }
    }

    /** Units arrive at the warehouse and become available. */
    record ReceiveStock(int quantity) implements ProductCommand {
        public ReceiveStock {
            positive("quantity", quantity);
        }
    }

    /**
     * Sets units aside for an order, if that many are available; if not, the refusal is recorded as an
     * event (the order's process waits for an answer either way). Asking again for the same order
     * changes nothing.
     */
    record Reserve(String orderId, int quantity) implements ProductCommand {
        public Reserve {
            orderId = Text.required("orderId", orderId, 64);
            positive("quantity", quantity);
        }
    }

    /** Makes an order's reserved units available again; nothing if the order holds none. */
    record Release(String orderId) implements ProductCommand {
        public Release {
            orderId = Text.required("orderId", orderId, 64);
        }
    }

    /** The order's reserved units leave the warehouse; nothing if they already have. */
    record Ship(String orderId) implements ProductCommand {
        public Ship {
            orderId = Text.required("orderId", orderId, 64);
        }
    }

    private static Money positive(Money price) {
        if (price == null) {
            throw new InvalidCommand("price is required");
        }
        if (price.amount().signum() <= 0) {
            throw new InvalidCommand("price must be more than zero, got " + price);
        }
        return price;
    }

    private static void positive(String field, int quantity) {
        if (quantity <= 0) {
            throw new InvalidCommand(field + " must be at least 1, got " + quantity);
        }
    }
}
