package dev.zipper.commands;

import dev.zipper.eventstore.EventMetadata;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a command comes from, recorded on every event it appends: its own id (the events' causation) and
 * the correlation id shared by everything one request (or one process) set off; and the client's
 * idempotency key, if it sent one, which makes a repeat of the request run nothing.
 */
public record CommandMetadata(UUID commandId, UUID correlationId, Optional<IdempotencyKey> idempotencyKey) {

    /** A new command under the caller's correlation id. */
    public static CommandMetadata correlatedWith(UUID correlationId) {
        return new CommandMetadata(UUID.randomUUID(), correlationId, Optional.empty());
    }

    /** The same command, run at most once for this key. */
    public CommandMetadata idempotent(IdempotencyKey key) {
        return new CommandMetadata(commandId, correlationId, Optional.of(key));
    }

    /** The metadata of one event the command appends: caused by this command. */
    EventMetadata forEvent() {
        return new EventMetadata(UUID.randomUUID(), correlationId, commandId);
    }
}
