package dev.zipper.faults;

import dev.zipper.e2e.CheckoutLoad;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.order.Order;
import dev.zipper.order.OrderEvent;
import dev.zipper.order.OrderStatus;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.payment.PaymentStatus;
import dev.zipper.product.Product;
import dev.zipper.product.ProductEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store as the database holds it after a fault run, read directly: every product, order and payment
 * replayed from the log by the domain's own rules, next to what the store's views hold.
 */
final class StoreAudit {

    private static final Set<OrderStatus> FINAL = Set.of(OrderStatus.SUCCEEDED, OrderStatus.FAILED,
            OrderStatus.CANCELLED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    final long head;
    final long published;
    final Map<String, Product> products;
    final Map<String, Order> orders;
    final Map<String, Payment> payments;
    /** sku -> "available reserved shipped received", as replayed and as the view has it. */
    final Map<String, String> stockReplayed = new HashMap<>();
    final Map<String, String> stockProjected = new HashMap<>();
    /** order id -> status, as replayed and as the view has it; the same for payments. */
    final Map<String, String> ordersReplayed = new HashMap<>();
    final Map<String, String> ordersProjected = new HashMap<>();
    final Map<String, String> paymentsReplayed = new HashMap<>();
    final Map<String, String> paymentsProjected = new HashMap<>();
    /** payment id -> when it was submitted to the gateway. */
    final Map<String, Instant> submitted = new HashMap<>();
    /** "payment id/event type" -> how many such events its stream holds. */
    final Map<String, Integer> paymentEvents = new HashMap<>();

    private StoreAudit(List<RecordedEvent> log, long head, long published, DataSource database) throws SQLException {
        this.head = head;
        this.published = published;
        products = replay(log, Product.TYPE.streamType(), EventCodec.of(ProductEvent.class), Product.NONE, Product::evolve);
        orders = replay(log, Order.TYPE.streamType(), EventCodec.of(OrderEvent.class), Order.NONE, Order::evolve);
        payments = replay(log, Payment.TYPE.streamType(), EventCodec.of(PaymentEvent.class), Payment.NONE, Payment::evolve);
        products.forEach((sku, p) -> stockReplayed.put(sku, p.available() + " " + p.reserved() + " " + p.shipped() + " " + p.received()));
        orders.forEach((id, o) -> ordersReplayed.put(id, o.status().name()));
        payments.forEach((id, p) -> paymentsReplayed.put(id, p.status().name()));
        log.stream().filter(e -> e.type().equals("payment.submitted")).forEach(e -> submitted.put(e.streamId(), e.recordedAt()));
        log.stream().filter(e -> e.streamType().equals(Payment.TYPE.streamType()))
                .forEach(e -> paymentEvents.merge(e.streamId() + "/" + e.type(), 1, Integer::sum));
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            read(sql, "SELECT id, available || ' ' || reserved || ' ' || shipped || ' ' || received FROM product_view", stockProjected);
            read(sql, "SELECT id, status FROM order_view", ordersProjected);
            read(sql, "SELECT id, status FROM payment_view", paymentsProjected);
        }
    }

    static StoreAudit of(DataSource database) throws SQLException {
        EventLog eventLog = new EventLog(database, EventLog.Transactions.LOCAL);
        List<RecordedEvent> log = LogAudit.wholeLog(eventLog);
        long published;
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT position FROM log_readers WHERE name = 'relay'")) {
            published = rows.next() ? rows.getLong(1) : 0;
        }
        return new StoreAudit(log, eventLog.head(), published, database);
    }

    /** Polls the database until every order has ended and every view equals the replay. */
    static StoreAudit settled(DataSource database, Duration within) {
        return Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> of(database), StoreAudit::settled);
    }

    /**
     * Every acknowledged checkout placed its order and each existed the moment its checkout answered;
     * stock adds up and none is negative; no failed or cancelled order holds a unit; no payment was
     * authorised or refunded twice.
     */
    void assertConserved(CheckoutLoad load) {
        assertThat(orders.keySet()).as("every acknowledged checkout placed its order").containsAll(load.orders());
        assertThat(load.notFound()).as("an order read or cancelled the moment its checkout answered").isEmpty();
        assertThat(products.values()).as("received = available + reserved + shipped, none negative").allSatisfy(p -> {
            assertThat(p.available()).isNotNegative();
            assertThat(p.received()).isEqualTo(p.available() + p.reserved() + p.shipped());
        });
        assertThat(endedOrdersHoldingStock()).as("failed or cancelled orders still holding stock").isEmpty();
        assertThat(paymentEvents.entrySet()).as("payments authorised or refunded more than once")
                .filteredOn(e -> e.getKey().endsWith(".authorised") || e.getKey().endsWith(".refunded"))
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(1));
    }

    /** Every order has ended, and every view equals the replay. */
    boolean settled() {
        return published == head && orders.values().stream().allMatch(o -> FINAL.contains(o.status()))
                && stockProjected.equals(stockReplayed) && ordersProjected.equals(ordersReplayed)
                && paymentsProjected.equals(paymentsReplayed);
    }

    /** Orders that failed or were cancelled but still hold units of a product (should be none). */
    List<String> endedOrdersHoldingStock() {
        List<String> holding = new ArrayList<>();
        products.forEach((sku, product) -> product.reservations().keySet().stream()
                .filter(order -> orders.containsKey(order) && Set.of(OrderStatus.FAILED, OrderStatus.CANCELLED)
                        .contains(orders.get(order).status()))
                .forEach(order -> holding.add(order + " holds " + sku)));
        return holding;
    }

    /**
     * Payments timed out although the gateway answers their card at once, submitted outside every window
     * (from, to): a time-out is the right end only for a payment whose server died while asking.
     */
    List<String> answeredButTimedOut(List<Instant[]> serverDown) {
        return payments.entrySet().stream()
                .filter(p -> p.getValue().status() == PaymentStatus.TIMED_OUT
                        && !p.getValue().card().number().equals(CheckoutLoad.NO_ANSWER))
                .filter(p -> serverDown.stream().noneMatch(w -> !submitted.get(p.getKey()).isBefore(w[0])
                        && !submitted.get(p.getKey()).isAfter(w[1])))
                .map(p -> p.getKey() + " submitted " + submitted.get(p.getKey())).toList();
    }

    @Override
    public String toString() {
        return "head " + head + ", published " + published + ", " + orders.size() + " orders, not ended: "
                + orders.entrySet().stream().filter(e -> !FINAL.contains(e.getValue().status())).map(Map.Entry::getKey)
                .limit(5).toList()
                + "; stock view = replay " + stockProjected.equals(stockReplayed)
                + ", order view = replay " + ordersProjected.equals(ordersReplayed)
                + ", payment view = replay " + paymentsProjected.equals(paymentsReplayed);
    }

    private static <E, S> Map<String, S> replay(List<RecordedEvent> log, String type, EventCodec<E> codec, S initial,
                                                BiFunction<S, E, S> evolve) {
        Map<String, S> states = new HashMap<>();
        log.stream().filter(e -> e.streamType().equals(type))
                .forEach(e -> states.put(e.streamId(), evolve.apply(states.getOrDefault(e.streamId(), initial), codec.decode(e))));
        return states;
    }

    private static void read(Statement sql, String query, Map<String, String> into) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                into.put(rows.getString(1), rows.getString(2));
            }
        }
    }
}
