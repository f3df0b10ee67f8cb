package dev.zipper.log;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.delivery.Parking;
import dev.zipper.edge.Call;
import dev.zipper.edge.OperationDoc;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.Schemas;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.Leases;
import dev.zipper.eventstore.ParkedStreams;
import dev.zipper.eventstore.ReaderPositions;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.http.JsonObjects;
import dev.zipper.http.ProblemType;
import dev.zipper.leadership.Leadership;
import dev.zipper.readside.ProjectionCounters;
import dev.zipper.readside.ProjectionGenerations;
import dev.zipper.readside.ProjectionLag;
import dev.zipper.readside.Rebuilds;
import dev.zipper.relay.LogRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Where the log and its readers stand: the head (last committed position), how far the relay has
 * published, which instance leads (and so publishes) since when, in which term, and whether it is the
 * one answering; and for each projection what it has done since the server started and how far behind
 * the log it is (from its read table, so right after a restart too); and the streams parked for a reader
 * ({@link Parking}), which an operator retries or skips here.
 */
@ApplicationScoped
public class LogEndpoint implements Operations {

    private static final String PARKED = "parked/{reader}/{streamType}/{streamId}/";

    @Inject
    private EventLog log;

    @Inject
    private ReaderPositions positions;

    @Inject
    private ProjectionCounters counters;

    @Inject
    private ProjectionLag lag;

    @Inject
    private Leases leases;

    @Inject
    private Leadership leadership;

    @Inject
    private Parking parking;

    @Inject
    private Rebuilds rebuilds;

    @Override
    public List<Route> routes() {
        Access operators = Access.roles(Role.OPERATOR);
        JsonObject released = Schemas.object(JsonObjects.object().add("reader", Schemas.type("string"))
                .add("streamType", Schemas.type("string")).add("streamId", Schemas.type("string"))
                .add("taken", Schemas.type("integer")));
        return List.of(new Route("GET", "log", "", "Where the log, the relay, the leader, every projection and every parked "
                        + "stream stand", operators, call -> Response.ok(status()).build(),
                        OperationDoc.query(Schemas.ref("LogStatus"), Map.of(), List.of())),
                new Route("POST", "log", PARKED + "retry", "Releases a parked stream: its reader takes its events from the "
                        + "parked one on, in order (409 if one fails again: parked there)", operators,
                        call -> released(call, parking::retry), OperationDoc.query(released, Map.of(), List.of(400, 404, 409, 413, 415, 503))),
                new Route("POST", "log", "projections/{name}/rebuild", "Rebuilds a projection from the log into a new "
                        + "generation of its table while the live one serves, then puts it in place in one transaction "
                        + "(202; progress in GET /log)", operators, this::rebuild,
                        new OperationDoc(null, false, 202, Schemas.ref("LogStatus"), MediaType.APPLICATION_JSON,
                                List.of(400, 404, 409, 413, 415, 503), Map.of(), List.of())),
                new Route("POST", "log", PARKED + "skip", "Releases a parked stream past the event it is parked at: its "
                        + "reader passes over that one and takes the rest, in order", operators,
                        call -> released(call, parking::skip), OperationDoc.query(released, Map.of(), List.of(400, 404, 409, 413, 415, 503))));
    }

    private Response rebuild(Call call) {
        call.body().only(); // it takes no body
        String name = call.path().get("name");
        return switch (rebuilds.rebuild(name)) {
            case STARTED -> Response.accepted(status()).build();
            case ALREADY -> ProblemType.REBUILDING.response(name + " is being rebuilt already");
            case UNKNOWN -> ProblemType.NOT_FOUND.response("No projection named " + name);
        };
    }

    private static Response released(Call call, BiFunction<String, StreamId, Optional<Parking.Outcome>> release) {
        call.body().only(); // it takes no body
        String reader = call.path().get("reader");
        StreamId stream = new StreamId(call.path().get("streamType"), call.path().get("streamId"));
        Optional<Parking.Outcome> outcome = release.apply(reader, stream);
        if (outcome.isEmpty()) {
            return ProblemType.NOT_FOUND.response(stream + " is not parked for " + reader);
        }
        if (outcome.get().failedAt().isPresent()) {
            RecordedEvent failed = outcome.get().failedAt().get();
            return ProblemType.STILL_FAILING.response(reader + " still fails " + failed.type() + " v"
                    + failed.streamVersion() + " of " + stream + ", parked there again: " + outcome.get().error());
        }
        return Response.ok(JsonObjects.object().add("reader", reader).add("streamType", stream.type())
                .add("streamId", stream.id()).add("taken", outcome.get().taken()).build().toString()).build();
    }

    /** What GET /log answers, as JSON text. */
    String status() {
        JsonObjectBuilder projections = JsonObjects.object();
        for (ProjectionLag.Lag projection : lag.all()) {
            projections.add(projection.projection(), counters.toJson(projection.projection())
                    .add("appliedPosition", projection.appliedPosition())
                    .add("lag", projection.events())
                    .add("lagSeconds", projection.behind().toMillis() / 1000.0));
        }
        JsonObjectBuilder status = JsonObjects.object()
                .add("head", log.head())
                .add("published", positions.position(LogRelay.READER));
        leases.current(Leadership.LEASE).ifPresent(leader -> status.add("leader", JsonObjects.object()
                .add("instance", leader.holder())
                .add("term", leader.term())
                .add("since", leader.since().toString())
                .add("held", leader.held())
                .add("answering", leader.holder().equals(leadership.instance()))));
        JsonArrayBuilder parked = JsonObjects.array();
        for (ParkedStreams.Parked stream : parking.all()) {
            parked.add(JsonObjects.object().add("reader", stream.reader()).add("streamType", stream.stream().type())
                    .add("streamId", stream.stream().id()).add("version", stream.version()).add("position", stream.position())
                    .add("eventType", stream.eventType()).add("error", stream.error())
                    .add("parkedAt", stream.parkedAt().toString()));
        }
        JsonObjectBuilder generations = JsonObjects.object();
        for (ProjectionGenerations.Generation generation : rebuilds.all()) {
            JsonObjectBuilder json = JsonObjects.object().add("version", generation.version())
                    .add("state", generation.rebuilding() ? "rebuilding" : generation.error() != null ? "failed" : "live")
                    .add("position", generation.position()).add("head", generation.head())
                    .add("eventsPerSecond", Math.round(generation.eventsPerSecond()));
            Rebuilds.secondsLeft(generation).filter(left -> generation.rebuilding()).ifPresent(left -> json.add("secondsLeft", left));
            if (generation.startedAt() != null) {
                json.add("startedAt", generation.startedAt().toString());
            }
            if (generation.finishedAt() != null) {
                json.add("finishedAt", generation.finishedAt().toString());
            }
            if (generation.error() != null) {
                json.add("error", generation.error());
            }
            generations.add(generation.projection(), json);
        }
        return status.add("projections", projections).add("parked", parked).add("rebuilds", generations).build().toString();
    }
}
