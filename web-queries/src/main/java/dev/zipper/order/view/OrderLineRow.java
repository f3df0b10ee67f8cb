package dev.zipper.order.view;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A line of an order in order_view_line, priced as at checkout. */
@Embeddable
public class OrderLineRow {

    private String sku;
    private int quantity;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    protected OrderLineRow() {
    }

    OrderLineRow(String sku, int quantity, BigDecimal unitPrice) {
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }
}
