package dev.zipper.eventstore;

import java.util.UUID;

/**
 * Who caused an event: its own id, the id shared by everything one request set off (correlation), the id
 * of the command or event that directly led to it (causation), who did it ({@link Actor}, null for the
 * system), the customer whose data its stream is (null for none: a product, a process), and the trace
 * it was appended in (a W3C {@code traceparent}; null when tracing is off).
 */
public record EventMetadata(UUID eventId, UUID correlationId, UUID causationId, Actor actor, String owner, String trace) {

    public EventMetadata(UUID eventId, UUID correlationId, UUID causationId, Actor actor, String owner) {
        this(eventId, correlationId, causationId, actor, owner, null);
    }

    /** Caused by the system, in a stream that is no customer's. */
    public EventMetadata(UUID eventId, UUID correlationId, UUID causationId) {
        this(eventId, correlationId, causationId, null, null);
    }
}
