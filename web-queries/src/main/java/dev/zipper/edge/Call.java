package dev.zipper.edge;

import dev.zipper.commands.CommandResult;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.consistency.CommandRequest;
import dev.zipper.consistency.RowAnswers;
import dev.zipper.domain.AggregateType;
import dev.zipper.history.AggregateHistory;
import dev.zipper.http.JsonBody;
import dev.zipper.http.PathIds;
import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.RequestRefused;
import dev.zipper.readside.RowReads;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One request as an operation sees it: the path's variables, the body, the query's parameters (each at
 * most once), and the services that run commands and answer queries.
 */
public record Call(Map<String, String> path, JsonBody body, UriInfo uri, Commands commands, CommandRequest request,
                   RowAnswers answers, AggregateHistory history, RowReads reads) {

    /** The aggregate's id from the path, a 404 if it could never name one. */
    public String id(AggregateType<?, ?, ?> type) {
        return PathIds.of(type.streamType(), path.get("id"));
    }

    /** The query parameter, or null; given twice it is refused, since only one value could be used. */
    public String query(String name) {
        List<String> values = uri.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, name + " may be given once, not " + values.size() + " times");
        }
        return values.get(0);
    }

    /**
     * Runs a command on the aggregate the path names, at the version {@code If-Match} or
     * {@code ?expectedVersion=} asks for (else on the aggregate as it is, retried after a conflict).
     */
    public <C> CommandResult run(AggregateType<C, ?, ?> type, C command) {
        OptionalInt asked = QueryParameters.integer("expectedVersion", query("expectedVersion"), 0, Integer.MAX_VALUE);
        Expected otherwise = asked.isPresent() ? Expected.version(asked.getAsInt()) : Expected.ANY_VERSION;
        return commands.execute(type, id(type), command, request.expected(otherwise), request.metadata());
    }

    /** Runs a command that opens a new stream with this id. */
    public <C> CommandResult open(AggregateType<C, ?, ?> type, String id, C command) {
        return commands.execute(type, id, command, Expected.NEW_STREAM, request.metadata());
    }
}
