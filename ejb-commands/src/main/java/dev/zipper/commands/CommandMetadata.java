package dev.zipper.commands;

import dev.zipper.eventstore.EventMetadata;
import java.util.UUID;

/**
 * Where a command comes from, recorded on every event it appends: its own id (the events' causation) and
 * the correlation id shared by everything one request (or one process) set off.
 */
public record CommandMetadata(UUID commandId, UUID correlationId) {

    /** A new command under the caller's correlation id. */
    public static CommandMetadata correlatedWith(UUID correlationId) {
        return new CommandMetadata(UUID.randomUUID(), correlationId);
    }

    /** The metadata of one event the command appends: caused by this command. */
    EventMetadata forEvent() {
        return new EventMetadata(UUID.randomUUID(), correlationId, commandId);
    }
}
