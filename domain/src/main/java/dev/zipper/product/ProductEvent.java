package dev.zipper.product;

import dev.zipper.domain.EventType;
import dev.zipper.pricing.Money;

/** What has happened to a product and its stock. */
public sealed interface ProductEvent {

    @EventType(name = "product.added")
    record Added(String name, Money price) implements ProductEvent { }

    @EventType(name = "product.price-changed")
    record PriceChanged(Money price) implements ProductEvent { }

    @EventType(name = "product.stock-received")
    record StockReceived(int quantity) implements ProductEvent { }

    @EventType(name = "product.reserved")
    record Reserved(String orderId, int quantity) implements ProductEvent { }

    /** Not enough was available: nothing was set aside. */
    @EventType(name = "product.reservation-refused")
    record ReservationRefused(String orderId, int quantity, int available) implements ProductEvent { }

    @EventType(name = "product.released")
    record Released(String orderId, int quantity) implements ProductEvent { }

    @EventType(name = "product.shipped")
    record Shipped(String orderId, int quantity) implements ProductEvent { }
}
