package dev.zipper.commands;

import dev.zipper.eventstore.EventMetadata;
import java.util.UUID;

/**
 * Where a command comes from, recorded on every event it appends: its own id, the correlation id shared
 * by everything one request (or one process) set off, and the id of the message that caused it.
 */
public record CommandMetadata(UUID commandId, UUID correlationId, UUID causationId) {

    /** A command that starts something: a request from outside, under the caller's correlation id. */
    public static CommandMetadata correlatedWith(UUID correlationId) {
        UUID commandId = UUID.randomUUID();
        return new CommandMetadata(commandId, correlationId, commandId);
    }

    /** The metadata of one event the command appends. */
    EventMetadata forEvent() {
        return new EventMetadata(UUID.randomUUID(), correlationId, commandId);
    }
}
