package dev.zipper.product.http;

import dev.zipper.commands.CommandResult;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.consistency.CommandRequest;
import dev.zipper.pricing.Money;
import dev.zipper.product.Product;
import dev.zipper.product.ProductCommand;
import dev.zipper.product.Sku;
import dev.zipper.web.JsonBody;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The catalog and the warehouse: add a product, change its price, receive stock. A product's id is its sku. */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductCommandEndpoints {

    @Inject
    private Commands commands;

    @Inject
    private CommandRequest request;

    @Context
    private UriInfo uri;

    @POST
    @Operation(summary = "Add a product to the catalog (with no stock)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"sku", "name", "price", "currency"}, properties = {
                    @SchemaProperty(name = "sku", type = SchemaType.STRING, maxLength = 64, example = "MUG-01",
                            description = "1 to 64 letters, digits, '.', '_' or '-'"),
                    @SchemaProperty(name = "name", type = SchemaType.STRING, maxLength = 200, example = "Zipper mug"),
                    @SchemaProperty(name = "price", type = SchemaType.NUMBER, example = "9.90",
                            description = "More than zero, in the currency's minor unit at most"),
                    @SchemaProperty(name = "currency", type = SchemaType.STRING, example = "EUR",
                            description = "ISO 4217")})))
    @APIResponse(responseCode = "201", description = "Added; Location names the product",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response add(JsonBody body) {
        JsonBody json = body.only("sku", "name", "price", "currency");
        String sku = Sku.required(json.text("sku"));
        ProductCommand.Add add = new ProductCommand.Add(json.text("name"), new Money(json.decimal("price"), json.text("currency")));
        CommandResult result = commands.execute(Product.TYPE, sku, add, Expected.NEW_STREAM,
                request.metadata());
        return Response.created(uri.getAbsolutePathBuilder().path(sku).build()).entity(result).build();
    }

    @POST
    @Path("{sku}/price")
    @Operation(summary = "Change a product's price (in its currency); orders already placed keep theirs")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"price"}, properties = {
                    @SchemaProperty(name = "price", type = SchemaType.NUMBER, example = "11.50")})))
    @APIResponse(responseCode = "200", description = "Done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response changePrice(@PathParam("sku") String sku, JsonBody body) {
        return run(sku, new ProductCommand.ChangePrice(body.only("price").decimal("price")));
    }

    @POST
    @Path("{sku}/stock")
    @Operation(summary = "Receive units of a product into stock")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"quantity"}, properties = {
                    @SchemaProperty(name = "quantity", type = SchemaType.INTEGER, minimum = "1", example = "10")})))
    @APIResponse(responseCode = "200", description = "Done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response receiveStock(@PathParam("sku") String sku, JsonBody body) {
        return run(sku, new ProductCommand.ReceiveStock(body.only("quantity").integer("quantity")));
    }

    private Response run(String sku, ProductCommand command) {
        CommandResult result = commands.execute(Product.TYPE, PathIds.of("product", sku), command, request.expected(Expected.ANY_VERSION),
                request.metadata());
        return Response.ok(result).build();
    }
}
