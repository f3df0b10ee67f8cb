package dev.zipper.eventstore;

import java.util.UUID;

/**
 * Who caused an event: its own id, the id shared by everything one request set off (correlation),
 * and the id of the command or event that directly led to it (causation).
 */
public record EventMetadata(UUID eventId, UUID correlationId, UUID causationId) {
}
