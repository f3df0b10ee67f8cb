package dev.zipper.product;

import dev.zipper.pricing.Money;
import dev.zipper.readside.ReadRow;
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
    private int available;
    private int reserved;
    private int shipped;
    private int received;

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

    public Money price() {
        return new Money(price, currency);
    }
}
