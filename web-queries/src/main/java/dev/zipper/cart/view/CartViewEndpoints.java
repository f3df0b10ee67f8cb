package dev.zipper.cart.view;

import dev.zipper.cart.Cart;
import dev.zipper.consistency.RowAnswers;
import dev.zipper.log.AggregateHistory;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.pricing.Totals;
import dev.zipper.product.view.ProductView;
import dev.zipper.product.view.ProductViews;
import dev.zipper.web.JsonObjects;
import dev.zipper.web.PathIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Serves a cart, its lines priced as the catalog prices them now (so the totals are an estimate until
 * checkout fixes them in the order).
 */
@Path("carts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CartViewEndpoints {

    @Inject
    private AggregateHistory history;

    @Context
    private UriInfo uri;

    @Inject
    private RowAnswers answers;

    @Inject
    private ProductViews products;

    @Inject
    private PricingRules rules;

    @GET
    @Path("{id}")
    @Operation(summary = "A cart with its lines and what it would cost now")
    @APIResponse(responseCode = "200", description = "The cart",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "id", type = SchemaType.STRING),
                            @SchemaProperty(name = "customerId", type = SchemaType.STRING),
                            @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = {"OPEN", "CHECKED_OUT"}),
                            @SchemaProperty(name = "orderId", type = SchemaType.STRING, description = "Once checked out"),
                            @SchemaProperty(name = "lines", type = SchemaType.ARRAY,
                                    description = "sku, name, quantity, unitPrice, total"),
                            @SchemaProperty(name = "currency", type = SchemaType.STRING),
                            @SchemaProperty(name = "subtotal", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "shipping", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "tax", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "total", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "version", type = SchemaType.INTEGER)})))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CompletionStage<Response> byId(@PathParam("id") String id) {
        return answers.answerWithOthers(Cart.TYPE, CartView.class, PathIds.of("cart", id), this::json, "No cart with id " + id);
    }

    private JsonObject json(CartView cart) {
        Map<String, ProductView> catalog = products.find(cart.lines().stream().map(CartLineRow::sku).toList()).stream()
                .collect(Collectors.toMap(ProductView::id, Function.identity()));
        JsonArrayBuilder lines = JsonObjects.array();
        List<Money> totals = new ArrayList<>();
        for (CartLineRow line : cart.lines()) {
            ProductView product = catalog.get(line.sku());
            JsonObjectBuilder json = JsonObjects.object().add("sku", line.sku()).add("quantity", line.quantity());
            if (product != null) {
                Money unitPrice = new Money(product.price(), product.currency());
                Money total = unitPrice.times(line.quantity());
                json.add("name", product.name()).add("unitPrice", unitPrice.amount()).add("total", total.amount());
                totals.add(total);
            }
            lines.add(json);
        }
        JsonObjectBuilder body = JsonObjects.object()
                .add("id", cart.id())
                .add("customerId", cart.customerId())
                .add("status", cart.orderId() == null ? "OPEN" : "CHECKED_OUT")
                .add("lines", lines);
        if (cart.orderId() != null) {
            body.add("orderId", cart.orderId());
        }
        // totals only when every line is priced, all in one currency
        boolean priced = !totals.isEmpty() && totals.size() == cart.lines().size()
                && totals.stream().map(Money::currency).distinct().count() == 1;
        if (priced) {
            Money subtotal = totals.stream().reduce(Money::plus).orElseThrow();
            Totals figures = rules.totals(subtotal);
            body.add("currency", subtotal.currency()).add("subtotal", figures.subtotal().amount())
                    .add("shipping", figures.shipping().amount()).add("tax", figures.tax().amount())
                    .add("total", figures.total().amount());
        }
        return body.add("version", cart.version()).build();
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "The cart's events from the log, oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(ref = "EventPage")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response events(@PathParam("id") String id, @QueryParam("after") String after,
                           @QueryParam("limit") String limit) {
        return history.events(Cart.TYPE, PathIds.of("cart", id), after, limit, uri.getAbsolutePathBuilder(),
                "No cart with id " + id);
    }
}
