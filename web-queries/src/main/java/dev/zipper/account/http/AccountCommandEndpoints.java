package dev.zipper.account.http;

import dev.zipper.account.AccountCommand;
import dev.zipper.account.commands.AccountCommands;
import dev.zipper.commands.CommandResult;
import dev.zipper.commands.ConflictRetry;
import dev.zipper.web.JsonBody;
import dev.zipper.web.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Turns HTTP requests into account commands; the command service does the rest. A transition with
 * {@code ?expectedVersion=n} applies only to the account at version n (else 409); without it, it applies
 * to the account as it is, retried when a concurrent command got in first.
 */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountCommandEndpoints {

    private static final Map<String, Supplier<AccountCommand.Transition>> TRANSITIONS = Map.of(
            "confirm", AccountCommand.Confirm::new,
            "activate", AccountCommand.Activate::new,
            "suspend", AccountCommand.Suspend::new,
            "reactivate", AccountCommand.Reactivate::new,
            "archive", AccountCommand.Archive::new);

    @Inject
    private AccountCommands commands;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(String body) {
        JsonBody json = JsonBody.parse(body);
        CommandResult result = commands.open(new AccountCommand.Open(json.text("name"), json.text("email")));
        return Response.created(uri.getAbsolutePathBuilder().path(result.id()).build()).entity(result).build();
    }

    @POST
    @Path("{id}/{action}")
    public Response transition(@PathParam("id") String id, @PathParam("action") String action,
                               @QueryParam("expectedVersion") Integer expectedVersion) {
        Supplier<AccountCommand.Transition> command = TRANSITIONS.get(action);
        if (command == null) {
            return Problem.response(Response.Status.NOT_FOUND, "Not found",
                    "No action '" + action + "' on accounts; known: " + String.join(", ", TRANSITIONS.keySet()));
        }
        CommandResult result = expectedVersion == null
                ? ConflictRetry.run(() -> commands.execute(id, command.get(), OptionalInt.empty()))
                : commands.execute(id, command.get(), OptionalInt.of(expectedVersion));
        return Response.ok(result).build();
    }
}
