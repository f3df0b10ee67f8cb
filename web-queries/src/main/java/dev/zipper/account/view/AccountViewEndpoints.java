package dev.zipper.account.view;

import dev.zipper.account.AccountStatus;
import dev.zipper.web.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/** Serves the account read table. It is eventually consistent: a command's effect shows once projected. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountViewEndpoints {

    @Inject
    private AccountViews views;

    @GET
    @Path("{id}")
    public Response byId(@PathParam("id") String id) {
        return views.find(id)
                .map(view -> Response.ok(view.toJson().toString()).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "Not found", "No account with id " + id));
    }

    @GET
    public Response byStatus(@QueryParam("status") String status) {
        AccountStatus wanted;
        try {
            wanted = AccountStatus.valueOf(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "Invalid request",
                    "status must be one of " + Arrays.toString(AccountStatus.values()) + ", got '" + status + "'");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        views.withStatus(wanted).forEach(view -> list.add(view.toJson()));
        return Response.ok(list.build().toString()).build();
    }
}
