package dev.zipper.product.view;

import dev.zipper.consistency.RowAnswers;
import dev.zipper.log.AggregateHistory;
import dev.zipper.product.Product;
import dev.zipper.web.ApiHeaders;
import dev.zipper.web.Page;
import dev.zipper.web.PathIds;
import dev.zipper.web.QueryParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Serves the catalog, as projected. */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductViewEndpoints {

    @Inject
    private AggregateHistory history;

    @Inject
    private ProductViews views;

    @Inject
    private RowAnswers answers;

    @Context
    private UriInfo uri;

    @GET
    @Path("{sku}")
    @Operation(summary = "One product, its price and its stock")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductSchema.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CompletionStage<Response> bySku(@PathParam("sku") String sku) {
        return answers.answer(Product.TYPE, ProductView.class, PathIds.of("product", sku), ProductView::toJson,
                "No product with sku " + sku);
    }

    @GET
    @Operation(summary = "The catalog by sku, a page at a time")
    @Extension(name = ApiHeaders.LIST, value = "true")
    @APIResponse(responseCode = "200", description = "A page; next is absent on the last one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = ProductSchema.class),
                            @SchemaProperty(name = "next", type = SchemaType.STRING, format = "uri")})))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public CompletionStage<Response> list(
            @Parameter(description = "true: only products with units available", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("inStock") String inStock,
            @Parameter(description = "Page size, 1 to 500 (default 50)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "Start after this sku (from next)") @QueryParam("after") String after) {
        boolean onlyInStock = QueryParameters.flag("inStock", inStock);
        Page page = Page.of(limit, after);
        UriBuilder list = uri.getAbsolutePathBuilder();
        if (onlyInStock) {
            list.queryParam("inStock", true);
        }
        return answers.list(Product.TYPE, ProductView.class, () -> page.answer(views.list(onlyInStock, page.after(),
                page.limit() + 1), ProductView::id, ProductView::toJson, list));
    }

    /** A product as GET /products/{sku} answers (for the OpenAPI document). */
    @Schema(name = "Product", properties = {
            @SchemaProperty(name = "sku", type = SchemaType.STRING),
            @SchemaProperty(name = "name", type = SchemaType.STRING),
            @SchemaProperty(name = "price", type = SchemaType.NUMBER),
            @SchemaProperty(name = "currency", type = SchemaType.STRING),
            @SchemaProperty(name = "available", type = SchemaType.INTEGER, description = "Units that can be ordered"),
            @SchemaProperty(name = "reserved", type = SchemaType.INTEGER, description = "Units held for orders"),
            @SchemaProperty(name = "shipped", type = SchemaType.INTEGER),
            @SchemaProperty(name = "received", type = SchemaType.INTEGER,
                    description = "Always available + reserved + shipped"),
            @SchemaProperty(name = "version", type = SchemaType.INTEGER)})
    static final class ProductSchema {
        private ProductSchema() {
        }
    }

    @GET
    @Path("{sku}/events")
    @Operation(summary = "The product's events from the log, oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(ref = "EventPage")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response events(@PathParam("sku") String sku, @QueryParam("after") String after,
                           @QueryParam("limit") String limit) {
        return history.events(Product.TYPE, PathIds.of("product", sku), after, limit, uri.getAbsolutePathBuilder(),
                "No product with sku " + sku);
    }
}
