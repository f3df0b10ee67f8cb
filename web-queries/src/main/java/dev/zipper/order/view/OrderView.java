package dev.zipper.order.view;

import dev.zipper.order.OrderEvent;
import dev.zipper.order.OrderStatus;
import dev.zipper.pricing.Money;
import dev.zipper.projection.ReadRow;
import dev.zipper.web.JsonObjects;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
    private String reason;
    @Column(name = "payment_reference")
    private String paymentReference;
    private String currency;
    private BigDecimal subtotal;
    private BigDecimal shipping;
    private BigDecimal tax;
    private BigDecimal total;
    @Column(name = "placed_at")
    private OffsetDateTime placedAt;
    /** The UTC day it was placed, for the daily sales figures. */
    @Column(name = "placed_on")
    private LocalDate placedOn;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_view_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLineRow> lines = new ArrayList<>();

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
            placed.lines().forEach(line -> lines.add(new OrderLineRow(line.sku(), line.quantity(), line.unitPrice().amount())));
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

    /** As the currency writes it (9.90, not the column's 9.9000). */
    private BigDecimal money(BigDecimal amount) {
        return new Money(amount, currency).amount();
    }

    /** The order as GET /orders/{id} shows it, without its payment (which is the payment's view). */
    public JsonObjectBuilder toJson() {
        JsonArrayBuilder items = JsonObjects.array();
        for (OrderLineRow line : lines) {
            items.add(JsonObjects.object().add("sku", line.sku()).add("quantity", line.quantity())
                    .add("unitPrice", money(line.unitPrice()))
                    .add("total", money(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))));
        }
        JsonObjectBuilder json = JsonObjects.object()
                .add("id", id())
                .add("customerId", customerId)
                .add("cartId", cartId)
                .add("status", status.name())
                .add("placedAt", placedAt.toInstant().toString())
                .add("lines", items)
                .add("currency", currency)
                .add("subtotal", money(subtotal))
                .add("shipping", money(shipping))
                .add("tax", money(tax))
                .add("total", money(total));
        if (reason != null) {
            json.add("reason", reason);
        }
        if (paymentReference != null) {
            json.add("paymentReference", paymentReference);
        }
        return json.add("version", version());
    }
}
