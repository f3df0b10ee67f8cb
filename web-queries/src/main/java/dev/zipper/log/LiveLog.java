package dev.zipper.log;

import dev.zipper.access.Access;
import dev.zipper.access.Caller;
import dev.zipper.access.Role;
import dev.zipper.edge.OperationDoc;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.Schemas;
import dev.zipper.http.Problem;
import dev.zipper.http.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /log/live}: what {@code GET /log} answers, as Server-Sent Events, once a second (event
 * {@code status}): the head, the relay, the leader, each projection's applied position and lag, parked
 * streams and rebuilds. The console draws its charts from it.
 */
@Path("log/live")
@RequestScoped
public class LiveLog {

    static final Access ACCESS = Access.roles(Role.OPERATOR);

    @Inject
    private LogWatchers watchers;

    @Context
    private SecurityContext security;

    /** The stream as the API document lists it (served by the resource, not by a route). */
    @ApplicationScoped
    public static class Documented implements Operations {
        @Override
        public List<Route> routes() {
            return List.of(new Route("GET", "log", "live", "GET /log's answer as Server-Sent Events, once a second "
                    + "(event: status, data: the same JSON)", ACCESS, null,
                    new OperationDoc(null, false, 200, Schemas.type("string").build(), MediaType.SERVER_SENT_EVENTS,
                            List.of(503), Map.of(), List.of())));
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void watch(@Context SseEventSink sink, @Context Sse sse, @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        Caller caller = Caller.of(security.getUserPrincipal(), security::isUserInRole);
        Response refused = ACCESS.refusal(caller, token, "GET /log/live");
        if (refused != null) {
            throw new WebApplicationException(refused);
        }
        if (!watchers.add(sink, sse)) {
            throw new WebApplicationException(Problem.builder(ProblemType.UNAVAILABLE, LogWatchers.MAX
                    + " clients watch the log already, as many as this server takes; try again later")
                    .header(HttpHeaders.RETRY_AFTER, 5).build());
        }
    }
}
