package dev.zipper.log;

import dev.zipper.access.Access;
import dev.zipper.access.Caller;
import dev.zipper.access.Role;
import dev.zipper.edge.EventShapes;
import dev.zipper.edge.OperationDoc;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.Schemas;
import dev.zipper.eventstore.EventLog;
import dev.zipper.http.Problem;
import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.RequestRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import java.util.Optional;

/**
 * The log as Server-Sent Events: every event in log order, its position as the SSE id, optionally only
 * one stream type or one stream. A client that reconnects with {@code Last-Event-ID} resumes right after
 * that position, however old: the log is read from there, then followed live ({@link Subscriber}).
 */
@Path("events")
@RequestScoped
public class LiveEvents {

    /** Customers, staff and operators; not an anonymous caller. */
    static final Access ACCESS = Access.owner(Role.STAFF, Role.OPERATOR);

    @Inject
    private EventSubscribers subscribers;

    @Context
    private SecurityContext security;

    @Inject
    private EventLog log;

    @Inject
    private EventShapes shapes;

    /** The stream as the API document lists it (it is served by the resource above, not by a route). */
    @ApplicationScoped
    public static class Documented implements Operations {
        @Override
        public List<Route> routes() {
            return List.of(new Route("GET", "events", "", "Every event of the log, live, as Server-Sent Events (id: "
                    + "position, event: type, data: the event); a customer's, of their own streams only. Starts after "
                    + "Last-Event-ID, else after ?after=, else at "
                    + "the end of the log; a comment line every 15 s keeps an idle stream open", LiveEvents.ACCESS, null,
                    new OperationDoc(null, false, 200, Schemas.type("string").build(), MediaType.SERVER_SENT_EVENTS,
                            List.of(400, 503), Map.of(
                                    "after", Schemas.integer("Start after this position (0: the whole log)"),
                                    "type", Schemas.string("Only this stream type, such as account"),
                                    "id", Schemas.string("Only this stream id (with type)")),
                            List.of("Last-Event-ID"))));
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@Context SseEventSink sink, @Context Sse sse,
                          @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                          @QueryParam("after") String after, @QueryParam("type") String streamType,
                          @QueryParam("id") String streamId, @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        Caller caller = Caller.of(security.getUserPrincipal(), security::isUserInRole);
        Response refused = ACCESS.refusal(caller, token, "GET /events");
        if (refused != null) {
            throw new WebApplicationException(refused);
        }
        long from = lastEventId != null ? position(HttpHeaders.LAST_EVENT_ID_HEADER, lastEventId)
                : after != null ? position("after", after) : log.head();
        Subscriber subscriber = new Subscriber(sink, sse, from,
                Optional.ofNullable(QueryParameters.text("type", streamType, 32)),
                Optional.ofNullable(QueryParameters.text("id", streamId, 64)),
                ACCESS.limitsToOwn(caller) ? Optional.of(caller.subject()) : Optional.empty(), shapes::current);
        if (!subscribers.add(subscriber)) {
            throw new WebApplicationException(Problem.builder(ProblemType.UNAVAILABLE, subscribers.max()
                    + " clients follow the events already, as many as this server takes; try again later")
                    .header(HttpHeaders.RETRY_AFTER, 5).build());
        }
    }

    private static long position(String name, String value) {
        if (value.matches("[0-9]{1,18}")) {
            return Long.parseLong(value);
        }
        throw new RequestRefused(ProblemType.INVALID_REQUEST, name + " must be a log position, got '" + value + "'");
    }
}
