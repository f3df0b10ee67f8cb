package dev.zipper.order.http;

import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.consistency.CommandRequest;
import dev.zipper.order.Order;
import dev.zipper.order.OrderCommand;
import dev.zipper.web.JsonBody;
import dev.zipper.web.PathIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What people do to an order once placed: cancel it (before it ships; its process then gives back the
 * stock and, if paid, the money), ship it, mark it delivered.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderCommandEndpoints {

    @Inject
    private Commands commands;

    @Inject
    private CommandRequest request;

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel an order that has not shipped", description = "The body is optional.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "reason", type = SchemaType.STRING, maxLength = 200))))
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response cancel(@PathParam("id") String id, String body) {
        String reason = body == null || body.isBlank() ? null : JsonBody.parse(body).only("reason").text("reason");
        return run(id, new OrderCommand.Cancel(reason));
    }

    @POST
    @Path("{id}/ship")
    @Operation(summary = "Ship an order that succeeded: its reserved units leave the warehouse",
            description = "Any request body is ignored.")
    @APIResponse(responseCode = "200", description = "Shipped",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response ship(@PathParam("id") String id) {
        return run(id, new OrderCommand.Ship());
    }

    @POST
    @Path("{id}/deliver")
    @Operation(summary = "Mark a shipped order delivered", description = "Any request body is ignored.")
    @APIResponse(responseCode = "200", description = "Delivered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response deliver(@PathParam("id") String id) {
        return run(id, new OrderCommand.Deliver());
    }

    private Response run(String id, OrderCommand command) {
        return Response.ok(commands.execute(Order.TYPE, PathIds.of("order", id), command, request.expected(Expected.ANY_VERSION),
                request.metadata())).build();
    }
}
