package dev.zipper.order;

import dev.zipper.readside.ReadRow;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A row of order_view: an order, its lines (in order_view_line), totals and where it is. */
@Entity
@Table(name = "order_view")
public class OrderView extends ReadRow<OrderEvent> {

    @Column(name = "customer_id")
    private String customerId;
    @Column(name = "cart_id")
    private String cartId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Column(name = "placed_at")
    private OffsetDateTime placedAt;
    /** The UTC day it was placed, for the daily sales figures. */
    @Column(name = "placed_on")
    private LocalDate placedOn;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_view_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<Line> lines = new ArrayList<>();
    private String currency;
    private BigDecimal subtotal;
    private BigDecimal shipping;
    private BigDecimal tax;
    private BigDecimal total;
    private String reason;
    @Column(name = "payment_reference")
    private String paymentReference;

    /** A line of order_view_line, priced at checkout. */
    @Embeddable
    public static class Line {
        private String sku;
        private int quantity;
        @Column(name = "unit_price")
        private BigDecimal unitPrice;
        private BigDecimal total;
    }

    protected OrderView() {
    }

    OrderView(String id) {
        super(id);
    }

    @Override
    protected void apply(OrderEvent event) {
        if (event instanceof OrderEvent.Placed placed) {
            customerId = placed.customerId();
            cartId = placed.cartId();
            status = OrderStatus.PLACED;
            currency = placed.totals().total().currency();
            subtotal = placed.totals().subtotal().amount();
            shipping = placed.totals().shipping().amount();
            tax = placed.totals().tax().amount();
            total = placed.totals().total().amount();
            placedAt = placed.placedAt().atOffset(ZoneOffset.UTC);
            placedOn = placedAt.toLocalDate();
            for (OrderLine placedLine : placed.lines()) {
                Line line = new Line();
                line.sku = placedLine.sku();
                line.quantity = placedLine.quantity();
                line.unitPrice = placedLine.unitPrice().amount();
                line.total = placedLine.total().amount();
                lines.add(line);
            }
        } else if (event instanceof OrderEvent.Succeeded succeeded) {
            status = OrderStatus.SUCCEEDED;
            paymentReference = succeeded.paymentReference();
        } else if (event instanceof OrderEvent.Failed failed) {
            status = OrderStatus.FAILED;
            reason = failed.reason();
        } else if (event instanceof OrderEvent.Cancelled cancelled) {
            status = OrderStatus.CANCELLED;
            reason = cancelled.reason();
        } else {
            status = event instanceof OrderEvent.Shipped ? OrderStatus.SHIPPED : OrderStatus.DELIVERED;
        }
    }

    public OffsetDateTime placedAt() {
        return placedAt;
    }
}
