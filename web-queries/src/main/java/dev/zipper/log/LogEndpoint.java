package dev.zipper.log;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.edge.OperationDoc;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.Schemas;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.Leases;
import dev.zipper.eventstore.ReaderPositions;
import dev.zipper.http.JsonObjects;
import dev.zipper.leadership.Leadership;
import dev.zipper.readside.ProjectionCounters;
import dev.zipper.readside.ProjectionLag;
import dev.zipper.relay.LogRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Where the log and its readers stand: the head (last committed position), how far the relay has
 * published, which instance leads (and so publishes) since when, in which term, and whether it is the
 * one answering; and for each projection what it has done since the server started and how far behind
 * the log it is (from its read table, so right after a restart too).
 */
@ApplicationScoped
public class LogEndpoint implements Operations {

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

    @Override
    public List<Route> routes() {
        return List.of(new Route("GET", "log", "", "Where the log, the relay, the leader and every projection stand",
                Access.roles(Role.OPERATOR), call -> Response.ok(status()).build(), OperationDoc.query(Schemas.ref("LogStatus"), Map.of(), List.of())));
    }

    private String status() {
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
        return status.add("projections", projections).build().toString();
    }
}
