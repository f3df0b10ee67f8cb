package dev.zipper.order.view;

import dev.zipper.consistency.RowAnswers;
import dev.zipper.order.Order;
import dev.zipper.order.OrderStatus;
import dev.zipper.web.ApiHeaders;
import dev.zipper.web.Page;
import dev.zipper.web.PathIds;
import dev.zipper.web.ProblemType;
import dev.zipper.web.QueryParameters;
import dev.zipper.web.RequestRefused;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A customer's order history, from order_view. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerOrdersEndpoint {

    @Inject
    private OrderViews orders;

    @Inject
    private RowAnswers answers;

    @Context
    private UriInfo uri;

    @GET
    @Path("{id}/orders")
    @Operation(summary = "A customer's orders, newest first, a page at a time")
    @Extension(name = ApiHeaders.LIST, value = "true")
    @APIResponse(responseCode = "200", description = "A page; next is absent on the last one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                                    description = "Orders as GET /orders/{id} answers them, without the payment"),
                            @SchemaProperty(name = "next", type = SchemaType.STRING, format = "uri")})))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public CompletionStage<Response> ofCustomer(@PathParam("id") String customerId,
            @Parameter(schema = @Schema(enumeration = {"PLACED", "SUCCEEDED", "FAILED", "CANCELLED", "SHIPPED", "DELIVERED"}))
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 500 (default 50)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "Start after this order (from next)") @QueryParam("after") String after) {
        Optional<OrderStatus> wanted = QueryParameters.oneOf("status", status, OrderStatus.class);
        Page page = Page.of(limit, after);
        OffsetDateTime placedAt = null;
        String lastId = null;
        if (page.after() != null) { // "<placedAt> <id>" of the last order shown
            String[] key = page.after().split(" ", 2);
            try {
                placedAt = OffsetDateTime.parse(key[0]);
                lastId = key.length == 2 ? key[1] : "";
            } catch (DateTimeParseException e) {
                throw new RequestRefused(ProblemType.INVALID_REQUEST, "after must be taken from a page's next link");
            }
        }
        UriBuilder list = uri.getAbsolutePathBuilder();
        wanted.ifPresent(s -> list.queryParam("status", s.name()));
        OffsetDateTime fromPlacedAt = placedAt;
        String fromId = lastId;
        return answers.list(Order.TYPE, OrderView.class, () -> page.answer(orders.ofCustomer(PathIds.of("account", customerId),
                wanted, fromPlacedAt, fromId, page.limit() + 1), order -> order.placedAt() + " " + order.id(),
                order -> order.toJson().build(), list));
    }
}
