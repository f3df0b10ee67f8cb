package dev.zipper.order;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.account.Account;
import dev.zipper.edge.Call;
import dev.zipper.edge.Exposure;
import dev.zipper.edge.OperationDoc;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.RowJson;
import dev.zipper.edge.Schemas;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.fulfilment.Fulfilment;
import dev.zipper.history.EventJson;
import dev.zipper.http.JsonObjects;
import dev.zipper.http.Page;
import dev.zipper.http.PathIds;
import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.RequestRefused;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentView;
import dev.zipper.readside.Projection;
import dev.zipper.readside.RowReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders over HTTP: /orders (cancel before it ships, ship, deliver; the order with its payment; its
 * timeline across streams), and a customer's orders at /accounts/{id}/orders.
 */
@ApplicationScoped
public class OrderEndpoints implements Operations {

    /** order_view, as the read side feeds it. */
    @Produces
    public static final Projection<OrderEvent, OrderView> VIEW = new Projection<>("order-view", Order.TYPE,
            OrderView.class, OrderView::new);

    /** The streams an order owns (they share its id): its events, its process's, its payment's. */
    private static final List<String> ORDER_STREAMS = List.of(Order.TYPE.streamType(), Fulfilment.TYPE.streamType(),
            Payment.TYPE.streamType());

    @Inject
    private EventLog log;

    @Inject
    private OrderViews orders;

    @Inject
    private RowReads reads;

    @Override
    public List<Route> routes() {
        return Exposure.of(Order.TYPE, "orders", Access.owner(Role.STAFF))
                .command("cancel", "Cancel an order before it ships; its process gives back the stock and, if it was "
                        + "paid, the money", OrderCommand.Cancel.class)
                .by(Access.roles(Role.STAFF))
                .command("ship", "Ship a SUCCEEDED order", OrderCommand.Ship.class)
                .command("deliver", "Mark a SHIPPED order delivered", OrderCommand.Deliver.class)
                .by(Access.owner(Role.STAFF))
                .view("An order, with its payment once requested", VIEW, "id", WithPayment.class,
                        order -> new WithPayment(reads.row(PaymentView.class, order.id())))
                .query("orders", Order.TYPE, "timeline", "The order's story across streams, from the log: its events, its process's, "
                        + "its payment's and those that share their correlation ids (payloads left out)",
                        OperationDoc.query(Schemas.ref("Timeline"), Map.of(), List.of(404)), call -> timeline(call.id(Order.TYPE)))
                .query("accounts", Account.TYPE, "orders", "A customer's orders, newest first, a page at a time",
                        OperationDoc.query(Schemas.pageOf(RowJson.schema(OrderView.class, "id", Void.class)),
                                customerQueries(), List.of(400, 404)), this::ofCustomer)
                .routes();
    }

    private static Map<String, JsonObject> customerQueries() {
        Map<String, JsonObject> queries = new HashMap<>(Schemas.pageQueries("From a page's next link"));
        queries.put("status", Schemas.oneOf(OrderStatus.class));
        return queries;
    }

    /** What an order shows beside its row: its payment, once the process has asked for it. */
    public record WithPayment(PaymentView payment) {
    }

    private Response timeline(String orderId) {
        List<RecordedEvent> events = log.readCorrelated(ORDER_STREAMS.stream().map(type -> new StreamId(type, orderId)).toList());
        if (events.isEmpty()) {
            return ProblemType.NOT_FOUND.response("No order with id " + orderId);
        }
        JsonArrayBuilder items = JsonObjects.array();
        events.stream().filter(event -> !event.type().equals("process.consumed")).forEach(event -> items.add(EventJson.of(event)));
        return Response.ok(JsonObjects.object().add("orderId", orderId).add("events", items).build().toString()).build();
    }

    /** Keyset pages on (placedAt, id), newest first: {@code after} is "<placedAt> <id>" of the last order shown. */
    private Object ofCustomer(Call call) {
        String customerId = PathIds.of("account", call.path().get("id"));
        Optional<OrderStatus> wanted = QueryParameters.oneOf("status", call.query("status"), OrderStatus.class);
        Page page = Page.of(call.query("limit"), call.query("after"));
        OffsetDateTime placedAt = null;
        String lastId = null;
        if (page.after() != null) {
            String[] key = page.after().split(" ", 2);
            try {
                placedAt = OffsetDateTime.parse(key[0]);
                lastId = key.length == 2 ? key[1] : "";
            } catch (DateTimeParseException e) {
                throw new RequestRefused(ProblemType.INVALID_REQUEST, "after must be taken from a page's next link");
            }
        }
        OffsetDateTime fromPlacedAt = placedAt;
        String fromId = lastId;
        var next = call.uri().getRequestUriBuilder().replaceQueryParam("limit").replaceQueryParam("after");
        return call.answers().list(Order.TYPE, OrderView.class, () -> page.answer(orders.ofCustomer(customerId, wanted,
                fromPlacedAt, fromId, page.limit() + 1), order -> order.placedAt() + " " + order.id(),
                order -> RowJson.of(order, "id").build(), next));
    }
}
