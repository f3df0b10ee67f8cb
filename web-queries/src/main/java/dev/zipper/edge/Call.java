package dev.zipper.edge;

import dev.zipper.access.Access;
import dev.zipper.access.Caller;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.CommandResult;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.consistency.CommandRequest;
import dev.zipper.consistency.RowAnswers;
import dev.zipper.domain.AggregateType;
import dev.zipper.history.AggregateHistory;
import dev.zipper.history.AsOf;
import dev.zipper.http.JsonBody;
import dev.zipper.http.PathIds;
import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.RequestRefused;
import dev.zipper.readside.RowReads;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One request as an operation sees it: the path's variables, the body, the query's parameters (each at
 * most once), who sent it and what the operation lets them see, and the services that run commands and
 * answer queries.
 */
public record Call(Map<String, String> path, JsonBody body, UriInfo uri, Caller caller, Access access,
                   Commands commands, CommandRequest request, RowAnswers answers, AggregateHistory history,
                   RowReads reads) {

    /** The customer the caller is, if they may see only what is theirs here; empty if they see everything. */
    public Optional<String> own() {
        return access.limitsToOwn(caller) ? Optional.of(caller.subject()) : Optional.empty();
    }

    /**
     * Whether the caller may see the aggregate of this type that the path's id names: everyone may who sees
     * everything, a customer only their own. One that does not exist is for the operation to answer.
     */
    public <S> boolean owns(AggregateType<?, ?, S> type) {
        if (own().isEmpty()) {
            return true;
        }
        String id = id(type);
        String owner = type.ownerOf(id, type.decider().initialState());
        if (owner != null) { // named by the id alone (an account is its customer): nothing to read
            return owner.equals(own().get());
        }
        return history.fold(type, id, AsOf.NOW).map(folded -> own().get().equals(type.ownerOf(id, folded.state())))
                .orElse(true);
    }

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
        return commands.execute(type, id(type), command, request.expected(otherwise), metadata());
    }

    /** Runs a command that opens a new stream with this id. */
    public <C> CommandResult open(AggregateType<C, ?, ?> type, String id, C command) {
        return commands.execute(type, id, command, Expected.NEW_STREAM, metadata());
    }

    /** The request's metadata, with who sent it and, for a customer limited to their own, that limit. */
    private CommandMetadata metadata() {
        CommandMetadata metadata = caller.anonymous() ? request.metadata() : request.metadata().by(caller.actor());
        return own().map(metadata::limitedTo).orElse(metadata);
    }
}
