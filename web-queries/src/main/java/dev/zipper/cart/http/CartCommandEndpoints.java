package dev.zipper.cart.http;

import dev.zipper.account.Account;
import dev.zipper.cart.Cart;
import dev.zipper.cart.CartCommand;
import dev.zipper.cart.CartLine;
import dev.zipper.commands.CommandResult;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.commands.StreamStates;
import dev.zipper.consistency.CommandAnswers;
import dev.zipper.consistency.CommandRequest;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.UnknownAggregate;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.payment.Card;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import dev.zipper.pricing.PricingRules;
import dev.zipper.product.Product;
import dev.zipper.product.Sku;
import dev.zipper.web.JsonBody;
import dev.zipper.web.JsonObjects;
import dev.zipper.web.PathIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A shopper's cart. What a cart command needs from other aggregates (that the customer and the products
 * exist, the prices at checkout) is read from the log just before it: a body naming an unknown customer
 * or product is a 400, an unknown cart in the path a 404.
 */
@Path("carts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CartCommandEndpoints {

    @Inject
    private Commands commands;

    @Inject
    private CommandRequest request;

    @Inject
    private PricingRules rules;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a cart for a customer")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"customerId"}, properties = {
                    @SchemaProperty(name = "customerId", type = SchemaType.STRING, description = "An account's id")})))
    @APIResponse(responseCode = "201", description = "Opened; Location names the cart",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public Response open(JsonBody body) {
        CartCommand.Open open = new CartCommand.Open(body.only("customerId").text("customerId"));
        if (commands.state(Account.TYPE, open.customerId()).isEmpty()) {
            throw new InvalidCommand("No account with id " + open.customerId());
        }
        CommandResult result = commands.execute(Cart.TYPE, UUID.randomUUID().toString(), open, Expected.NEW_STREAM,
                request.metadata());
        return Response.created(uri.getAbsolutePathBuilder().path(result.id()).build()).entity(result).build();
    }

    @POST
    @Path("{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add units of a product to a cart")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"sku", "quantity"}, properties = {
                    @SchemaProperty(name = "sku", type = SchemaType.STRING, example = "MUG-01"),
                    @SchemaProperty(name = "quantity", type = SchemaType.INTEGER, minimum = "1", maximum = "100000")})))
    @APIResponse(responseCode = "200", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response addItem(@PathParam("id") String id, JsonBody body) {
        JsonBody json = body.only("sku", "quantity");
        CartCommand.AddItem add = new CartCommand.AddItem(json.text("sku"), json.integer("quantity"));
        if (commands.state(Product.TYPE, add.sku()).isEmpty()) {
            throw new InvalidCommand("No product with sku " + add.sku());
        }
        return run(id, add);
    }

    @POST
    @Path("{id}/items/{sku}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take units of a product out of a cart; the line goes when none are left")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"quantity"}, properties = {
                    @SchemaProperty(name = "quantity", type = SchemaType.INTEGER, minimum = "1")})))
    @APIResponse(responseCode = "200", description = "Removed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response removeItem(@PathParam("id") String id, @PathParam("sku") String sku, JsonBody body) {
        return run(id, new CartCommand.RemoveItem(Sku.required(sku), body.only("quantity").integer("quantity")));
    }

    @POST
    @Path("{id}/clear")
    @Operation(summary = "Empty a cart", description = "Any request body is ignored.")
    @APIResponse(responseCode = "200", description = "Emptied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response clear(@PathParam("id") String id) {
        return run(id, new CartCommand.Clear());
    }

    @POST
    @Path("{id}/checkout")
    @Operation(summary = "Check a cart out: its order is placed in the same transaction, then reserved and paid by its process",
            description = "The body is optional; without a card the order is paid with the test card "
                    + TestCards.AUTHORISED + ". Lines are priced now; shipping and tax follow the configured rules.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "card", type = SchemaType.STRING, example = TestCards.AUTHORISED,
                            description = "A card number; see the README for the test cards that fail")})))
    @APIResponse(responseCode = "201", description = "Checked out; Location names the order, which exists now (PLACED); "
            + "position is the order's first event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "orderId", type = SchemaType.STRING),
                            @SchemaProperty(name = "cartId", type = SchemaType.STRING),
                            @SchemaProperty(name = "position", type = SchemaType.INTEGER, format = "int64")})))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response checkOut(@PathParam("id") String id, String body) {
        Card card = new Card(body == null || body.isBlank() ? TestCards.AUTHORISED
                : orDefault(JsonBody.parse(body).only("card").text("card")));
        String cartId = PathIds.of("cart", id);
        StreamStates.Known<Cart> cart = commands.state(Cart.TYPE, cartId)
                .orElseThrow(() -> new UnknownAggregate("cart", cartId));
        Map<String, Money> prices = new HashMap<>();
        for (CartLine line : cart.state().lines()) {
            commands.state(Product.TYPE, line.sku()).ifPresent(product -> prices.put(line.sku(), product.state().price()));
        }
        var status = commands.state(Account.TYPE, cart.state().customerId()).map(account -> account.state().status())
                .orElse(null);
        // at the version read: a line added meanwhile would otherwise be ordered unpriced
        Expected read = Expected.version(cart.version());
        Expected asked = request.expected(read);
        if (!asked.equals(read)) {
            throw new ConcurrencyConflict(cartId, ((Expected.Version) asked).version(), cart.version());
        }
        String orderId = UUID.randomUUID().toString();
        CommandResult result = commands.execute(Cart.TYPE, cartId,
                new CartCommand.CheckOut(orderId, status, prices, rules, card, Instant.now()), read, request.metadata());
        Response created = Response.created(uri.getBaseUriBuilder().path("orders").path(orderId).build())
                .entity(JsonObjects.object().add("orderId", orderId).add("cartId", cartId)
                        .add("position", result.position()).build().toString())
                .build();
        CommandAnswers.tag(created.getHeaders(), result);
        return created;
    }

    private static String orDefault(String card) {
        return card == null ? TestCards.AUTHORISED : card;
    }

    private Response run(String id, CartCommand command) {
        return Response.ok(commands.execute(Cart.TYPE, PathIds.of("cart", id), command, request.expected(Expected.ANY_VERSION),
                request.metadata())).build();
    }
}
