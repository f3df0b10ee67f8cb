package dev.zipper.commands;

import dev.zipper.eventstore.Actor;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.tracing.Traces;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a command comes from, recorded on every event it appends: its own id (the events' causation) and
 * the correlation id shared by everything one request (or one process) set off; the client's idempotency
 * key, if it sent one, which makes a repeat of the request run nothing; who sent it (none for the
 * system's own commands); and, for a customer who may act only on what is theirs, that customer: a command
 * on another's aggregate finds none.
 */
public record CommandMetadata(UUID commandId, UUID correlationId, Optional<IdempotencyKey> idempotencyKey,
                              Optional<Actor> actor, Optional<String> limitedTo) {

    /** A new command under the caller's correlation id. */
    public static CommandMetadata correlatedWith(UUID correlationId) {
        return new CommandMetadata(UUID.randomUUID(), correlationId, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same command, run at most once for this key. */
    public CommandMetadata idempotent(IdempotencyKey key) {
        return new CommandMetadata(commandId, correlationId, Optional.of(key), actor, limitedTo);
    }

    /** The same command, sent by this caller. */
    public CommandMetadata by(Actor sender) {
        return new CommandMetadata(commandId, correlationId, idempotencyKey, Optional.of(sender), limitedTo);
    }

    /** The same command, for a customer who may act only on the aggregates that are theirs. */
    public CommandMetadata limitedTo(String customer) {
        return new CommandMetadata(commandId, correlationId, idempotencyKey, actor, Optional.of(customer));
    }

    /**
     * The metadata of one event the command appends to a stream of {@code owner}'s: caused by this command,
     * in its trace.
     */
    EventMetadata forEvent(String owner) {
        return new EventMetadata(UUID.randomUUID(), correlationId, commandId, actor.orElse(null), owner, Traces.current());
    }
}
