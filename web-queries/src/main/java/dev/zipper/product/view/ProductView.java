package dev.zipper.product.view;

import dev.zipper.pricing.Money;
import dev.zipper.product.ProductEvent;
import dev.zipper.projection.ReadRow;
import dev.zipper.web.JsonObjects;
import jakarta.json.JsonObject;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A row of the catalog: a product, its price, and its units by where they are. */
@Entity
@Table(name = "product_view")
public class ProductView extends ReadRow<ProductEvent> {

    private String name;
    private BigDecimal price;
    private String currency;
    private int received;
    private int available;
    private int reserved;
    private int shipped;

    protected ProductView() {
    }

    ProductView(String sku) {
        super(sku);
    }

    @Override
    protected void apply(ProductEvent event) {
        if (event instanceof ProductEvent.Added added) {
            name = added.name();
            price = added.price().amount();
            currency = added.price().currency();
        } else if (event instanceof ProductEvent.PriceChanged changed) {
            price = changed.price().amount();
        } else if (event instanceof ProductEvent.StockReceived stock) {
            received += stock.quantity();
            available += stock.quantity();
        } else if (event instanceof ProductEvent.Reserved held) {
            available -= held.quantity();
            reserved += held.quantity();
        } else if (event instanceof ProductEvent.Released released) {
            reserved -= released.quantity();
            available += released.quantity();
        } else if (event instanceof ProductEvent.Shipped out) {
            reserved -= out.quantity();
            shipped += out.quantity();
        }
    }

    public String name() {
        return name;
    }

    public BigDecimal price() {
        return price;
    }

    public String currency() {
        return currency;
    }

    /** As the currency writes it (9.90, not the column's 9.9000). */
    private BigDecimal money(BigDecimal amount) {
        return new Money(amount, currency).amount();
    }

    public JsonObject toJson() {
        return JsonObjects.object()
                .add("sku", id())
                .add("name", name)
                .add("price", money(price))
                .add("currency", currency)
                .add("available", available)
                .add("reserved", reserved)
                .add("shipped", shipped)
                .add("received", received)
                .add("version", version())
                .build();
    }
}
