package dev.zipper.payment.view;

import dev.zipper.consistency.RowAnswers;
import dev.zipper.log.AggregateHistory;
import dev.zipper.payment.Payment;
import dev.zipper.web.PathIds;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Serves payments; a payment's id is its order's. */
@Path("payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentViewEndpoints {

    @Inject
    private AggregateHistory history;

    @Context
    private UriInfo uri;

    @Inject
    private RowAnswers answers;

    @GET
    @Path("{id}")
    @Operation(summary = "An order's payment and the gateway's answer")
    @APIResponse(responseCode = "200", description = "The payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "id", type = SchemaType.STRING),
                            @SchemaProperty(name = "orderId", type = SchemaType.STRING),
                            @SchemaProperty(name = "status", type = SchemaType.STRING,
                                    enumeration = {"REQUESTED", "SUBMITTED", "AUTHORISED", "DECLINED", "TIMED_OUT", "REFUNDED"}),
                            @SchemaProperty(name = "amount", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "currency", type = SchemaType.STRING),
                            @SchemaProperty(name = "card", type = SchemaType.STRING, example = "**** 4242"),
                            @SchemaProperty(name = "reference", type = SchemaType.STRING),
                            @SchemaProperty(name = "failure", type = SchemaType.STRING),
                            @SchemaProperty(name = "version", type = SchemaType.INTEGER)})))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CompletionStage<Response> byId(@PathParam("id") String id) {
        return answers.answer(Payment.TYPE, PaymentView.class, PathIds.of("payment", id), p -> p.toJson().build(),
                "No payment with id " + id);
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "The payment's events from the log, oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(ref = "EventPage")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response events(@PathParam("id") String id, @QueryParam("after") String after,
                           @QueryParam("limit") String limit) {
        return history.events(Payment.TYPE, PathIds.of("payment", id), after, limit, uri.getAbsolutePathBuilder(),
                "No payment with id " + id);
    }
}
