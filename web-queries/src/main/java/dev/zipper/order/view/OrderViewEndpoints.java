package dev.zipper.order.view;

import dev.zipper.consistency.RowAnswers;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.fulfilment.Fulfilment;
import dev.zipper.log.AggregateHistory;
import dev.zipper.log.EventJson;
import dev.zipper.order.Order;
import dev.zipper.payment.Payment;
import dev.zipper.payment.view.PaymentView;
import dev.zipper.web.JsonObjects;
import dev.zipper.web.PathIds;
import dev.zipper.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Serves orders: one order with its payment, and its timeline from the log. */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderViewEndpoints {

    /** The streams an order owns (they share its id): its events, its process's, its payment's. */
    private static final List<String> ORDER_STREAMS = List.of(Order.TYPE.streamType(), Fulfilment.TYPE.streamType(),
            Payment.TYPE.streamType());

    @Inject
    private AggregateHistory history;

    @Context
    private UriInfo uri;

    @Inject
    private OrderViews orders;

    @Inject
    private EventLog log;

    @Inject
    private RowAnswers answers;

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @GET
    @Path("{id}")
    @Operation(summary = "One order: status, lines, totals and its payment")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "id", type = SchemaType.STRING),
                            @SchemaProperty(name = "customerId", type = SchemaType.STRING),
                            @SchemaProperty(name = "cartId", type = SchemaType.STRING),
                            @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = {"PLACED",
                                    "SUCCEEDED", "FAILED", "CANCELLED", "SHIPPED", "DELIVERED"}),
                            @SchemaProperty(name = "reason", type = SchemaType.STRING, description = "Why it failed or was cancelled"),
                            @SchemaProperty(name = "placedAt", type = SchemaType.STRING, format = "date-time"),
                            @SchemaProperty(name = "lines", type = SchemaType.ARRAY, description = "sku, quantity, unitPrice, total"),
                            @SchemaProperty(name = "currency", type = SchemaType.STRING),
                            @SchemaProperty(name = "subtotal", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "shipping", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "tax", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "total", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "payment", type = SchemaType.OBJECT,
                                    description = "As GET /payments/{id} answers; absent until requested"),
                            @SchemaProperty(name = "version", type = SchemaType.INTEGER)})))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CompletionStage<Response> byId(@PathParam("id") String id) {
        return answers.answerWithOthers(Order.TYPE, OrderView.class, PathIds.of("order", id), order -> {
            JsonObjectBuilder json = order.toJson();
            Optional.ofNullable(em.find(PaymentView.class, order.id())).ifPresent(p -> json.add("payment", p.toJson()));
            return json.build();
        }, "No order with id " + id);
    }

    @GET
    @Path("{id}/timeline")
    @Operation(summary = "Every event that touched an order, from every stream, in log order",
            description = "Read from the log, not a view: the order's, its process's and its payment's events, and "
                    + "every event that shares a correlation id with one of them (the cart's checkout, the stock "
                    + "reservations). Payloads are left out: they may hold a card number.")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = @SchemaProperty(name = "events", type = SchemaType.ARRAY, description = "position, "
                            + "streamType, streamId, streamVersion, type, recordedAt, correlationId, causationId"))))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response timeline(@PathParam("id") String id) {
        String orderId = PathIds.of("order", id);
        List<RecordedEvent> events = log.readCorrelated(ORDER_STREAMS.stream().map(type -> new StreamId(type, orderId)).toList());
        if (events.isEmpty()) {
            return ProblemType.NOT_FOUND.response("No order with id " + id);
        }
        JsonArrayBuilder items = JsonObjects.array();
        events.stream().filter(event -> !event.type().equals("process.consumed")).forEach(event -> items.add(EventJson.of(event)));
        return Response.ok(JsonObjects.object().add("orderId", id).add("events", items).build().toString()).build();
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "The order's events from the log, oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(ref = "EventPage")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response events(@PathParam("id") String id, @QueryParam("after") String after,
                           @QueryParam("limit") String limit) {
        return history.events(Order.TYPE, PathIds.of("order", id), after, limit, uri.getAbsolutePathBuilder(),
                "No order with id " + id);
    }
}
