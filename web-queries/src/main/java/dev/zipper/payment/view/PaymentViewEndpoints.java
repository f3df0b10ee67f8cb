package dev.zipper.payment.view;

import dev.zipper.web.PathIds;
import dev.zipper.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
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

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @GET
    @Path("{id}")
    @Operation(summary = "An order's payment and the gateway's answer")
    @APIResponse(responseCode = "200", description = "The payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "id", type = SchemaType.STRING),
                            @SchemaProperty(name = "orderId", type = SchemaType.STRING),
                            @SchemaProperty(name = "status", type = SchemaType.STRING,
                                    enumeration = {"REQUESTED", "AUTHORISED", "DECLINED", "TIMED_OUT", "REFUNDED"}),
                            @SchemaProperty(name = "amount", type = SchemaType.NUMBER),
                            @SchemaProperty(name = "currency", type = SchemaType.STRING),
                            @SchemaProperty(name = "card", type = SchemaType.STRING, example = "**** 4242"),
                            @SchemaProperty(name = "reference", type = SchemaType.STRING),
                            @SchemaProperty(name = "failure", type = SchemaType.STRING),
                            @SchemaProperty(name = "version", type = SchemaType.INTEGER)})))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response byId(@PathParam("id") String id) {
        return find(PathIds.of("payment", id))
                .map(payment -> Response.ok(payment.toJson().build().toString()).build())
                .orElseGet(() -> ProblemType.NOT_FOUND.response("No payment with id " + id));
    }

    Optional<PaymentView> find(String id) {
        return Optional.ofNullable(em.find(PaymentView.class, id));
    }
}
