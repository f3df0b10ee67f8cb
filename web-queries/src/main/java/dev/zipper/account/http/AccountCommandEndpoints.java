package dev.zipper.account.http;

import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.Address;
import dev.zipper.commands.CommandResult;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.consistency.CommandRequest;
import dev.zipper.web.JsonBody;
import dev.zipper.web.PathIds;
import dev.zipper.web.ProblemType;
import dev.zipper.web.QueryParameters;
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
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    private Commands commands;

    @Inject
    private CommandRequest request;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an account")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"name", "email"}, properties = {
                    @SchemaProperty(name = "name", type = SchemaType.STRING, maxLength = 200, example = "Ada Lovelace"),
                    @SchemaProperty(name = "email", type = SchemaType.STRING, maxLength = 254, example = "ada@example.org")})))
    @APIResponse(responseCode = "201", description = "Opened; Location names the account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response open(JsonBody body) {
        JsonBody json = body.only("name", "email");
        AccountCommand.Open open = new AccountCommand.Open(json.text("name"), json.text("email"));
        CommandResult result = commands.execute(Account.TYPE, UUID.randomUUID().toString(), open, Expected.NEW_STREAM,
                request.metadata());
        return Response.created(uri.getAbsolutePathBuilder().path(result.id()).build()).entity(result).build();
    }

    @POST
    @Path("{id}/address")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set where the customer's orders are shipped (any account but an archived one)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"line1", "postalCode", "city", "country"}, properties = {
                    @SchemaProperty(name = "line1", type = SchemaType.STRING, maxLength = 200, example = "12 Rue de la Paix"),
                    @SchemaProperty(name = "line2", type = SchemaType.STRING, maxLength = 200),
                    @SchemaProperty(name = "postalCode", type = SchemaType.STRING, maxLength = 20, example = "75002"),
                    @SchemaProperty(name = "city", type = SchemaType.STRING, maxLength = 100, example = "Paris"),
                    @SchemaProperty(name = "country", type = SchemaType.STRING, example = "FR",
                            description = "ISO 3166 alpha-2")})))
    @APIResponse(responseCode = "200", description = "Set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response setShippingAddress(@PathParam("id") String id, JsonBody body) {
        JsonBody json = body.only("line1", "line2", "postalCode", "city", "country");
        Address address = new Address(json.text("line1"), json.text("line2"), json.text("postalCode"), json.text("city"),
                json.text("country"));
        CommandResult result = commands.execute(Account.TYPE, PathIds.of("account", id),
                new AccountCommand.SetShippingAddress(address), request.expected(Expected.ANY_VERSION),
                request.metadata());
        return Response.ok(result).build();
    }

    @POST
    @Path("{id}/{action}")
    @Operation(summary = "Move an account along its life cycle",
            description = "action: confirm, activate, suspend, reactivate or archive. Any request body is ignored.")
    @APIResponse(responseCode = "200", description = "Done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommandResult")))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response transition(@PathParam("id") String id, @PathParam("action") String action,
                               @Parameter(description = "Apply only if the account is at this version (else 409)",
                                       schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
                               @QueryParam("expectedVersion") String expectedVersionParameter) {
        Supplier<AccountCommand.Transition> command = TRANSITIONS.get(action);
        if (command == null) {
            return ProblemType.NOT_FOUND.response(
                    "No action '" + action + "' on accounts; known: " + String.join(", ", new TreeSet<>(TRANSITIONS.keySet())));
        }
        OptionalInt expectedVersion = QueryParameters.integer("expectedVersion", expectedVersionParameter, 0, Integer.MAX_VALUE);
        CommandResult result = commands.execute(Account.TYPE, PathIds.of("account", id), command.get(),
                request.expected(expectedVersion.isPresent() ? Expected.version(expectedVersion.getAsInt())
                        : Expected.ANY_VERSION),
                request.metadata());
        return Response.ok(result).build();
    }
}
