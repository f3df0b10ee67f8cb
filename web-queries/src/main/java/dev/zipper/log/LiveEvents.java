package dev.zipper.log;

import dev.zipper.eventstore.EventLog;
import dev.zipper.web.Problem;
import dev.zipper.web.ProblemType;
import dev.zipper.web.QueryParameters;
import dev.zipper.web.RequestRefused;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The log as Server-Sent Events: every event in log order, its position as the SSE id, optionally only
 * one stream type or one stream. A client that reconnects with {@code Last-Event-ID} resumes right after
 * that position, however old: the log is read from there, then followed live ({@link Subscriber}).
 */
@Path("events")
@RequestScoped
public class LiveEvents {

    @Inject
    private EventSubscribers subscribers;

    @Inject
    private EventLog log;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Every event of the log, live, as Server-Sent Events (id: position, event: type, data: the event)",
            description = "Starts after Last-Event-ID, else after ?after=, else at the end of the log (only new events). "
                    + "A comment line every 15 s keeps an idle stream open.")
    @APIResponse(responseCode = "200", description = "The stream (text/event-stream)")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public void subscribe(@Context SseEventSink sink, @Context Sse sse,
                          @Parameter(description = "Resume after this position (sent by EventSource on reconnecting)")
                          @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                          @Parameter(description = "Start after this position (0: the whole log)") @QueryParam("after") String after,
                          @Parameter(description = "Only this stream type, such as account") @QueryParam("type") String streamType,
                          @Parameter(description = "Only this stream id (with type)") @QueryParam("id") String streamId) {
        long from = lastEventId != null ? position(HttpHeaders.LAST_EVENT_ID_HEADER, lastEventId)
                : after != null ? position("after", after) : log.head();
        Subscriber subscriber = new Subscriber(sink, sse, from,
                Optional.ofNullable(QueryParameters.text("type", streamType, 32)),
                Optional.ofNullable(QueryParameters.text("id", streamId, 64)));
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
