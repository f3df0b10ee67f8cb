package dev.zipper.account.view;

import dev.zipper.account.Account;
import dev.zipper.account.AccountStatus;
import dev.zipper.consistency.RowAnswers;
import dev.zipper.log.AggregateHistory;
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

/** Serves the account read table. It is eventually consistent: a command's effect shows once projected. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountViewEndpoints {

    @Inject
    private AggregateHistory history;

    @Inject
    private AccountViews views;

    @Inject
    private RowAnswers answers;

    @Context
    private UriInfo uri;

    @GET
    @Path("{id}")
    @Operation(summary = "One account, as projected")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "id", type = SchemaType.STRING),
                            @SchemaProperty(name = "name", type = SchemaType.STRING),
                            @SchemaProperty(name = "email", type = SchemaType.STRING),
                            @SchemaProperty(name = "status", type = SchemaType.STRING,
                                    enumeration = {"PENDING", "CONFIRMED", "ACTIVE", "SUSPENDED", "ARCHIVED"}),
                            @SchemaProperty(name = "version", type = SchemaType.INTEGER,
                                    description = "The last stream version applied")})))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CompletionStage<Response> byId(@PathParam("id") String id) {
        return answers.answer(Account.TYPE, AccountView.class, PathIds.of("account", id), AccountView::toJson,
                "No account with id " + id);
    }

    /** Every account, or those with one status, in pages ordered by id. */
    @GET
    @Operation(summary = "Accounts by id, a page at a time, optionally with one status")
    @Extension(name = ApiHeaders.LIST, value = "true")
    @APIResponse(responseCode = "200", description = "A page; next is absent on the last one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                                    description = "Accounts, each as GET /accounts/{id} answers"),
                            @SchemaProperty(name = "next", type = SchemaType.STRING, format = "uri",
                                    description = "The next page (also in a Link rel=next header)")})))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public CompletionStage<Response> list(
            @Parameter(schema = @Schema(enumeration = {"PENDING", "CONFIRMED", "ACTIVE", "SUSPENDED", "ARCHIVED"}))
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 500 (default 50)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "Start after this account id (from next)") @QueryParam("after") String after) {
        Optional<AccountStatus> wanted = QueryParameters.oneOf("status", status, AccountStatus.class);
        Page page = Page.of(limit, after);
        UriBuilder list = uri.getAbsolutePathBuilder();
        wanted.ifPresent(s -> list.queryParam("status", s.name()));
        return answers.list(Account.TYPE, AccountView.class,
                () -> page.answer(views.list(wanted, page.after(), page.limit() + 1), AccountView::id, AccountView::toJson, list));
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "The account's events from the log, oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(ref = "EventPage")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response events(@PathParam("id") String id, @QueryParam("after") String after,
                           @QueryParam("limit") String limit) {
        return history.events(Account.TYPE, PathIds.of("account", id), after, limit, uri.getAbsolutePathBuilder(),
                "No account with id " + id);
    }
}
