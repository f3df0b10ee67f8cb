package dev.zipper.history;

import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.http.JsonObjects;
import jakarta.json.JsonObjectBuilder;

/** How the API shows an event of the log. */
public final class EventJson {

    private EventJson() {
    }

    /** Where and what it is: position, stream, version, type, time, correlation and causation. */
    public static JsonObjectBuilder of(RecordedEvent event) {
        return JsonObjects.object()
                .add("position", event.position())
                .add("streamType", event.streamType())
                .add("streamId", event.streamId())
                .add("streamVersion", event.streamVersion())
                .add("type", event.type())
                .add("recordedAt", event.recordedAt().toString())
                .add("correlationId", event.metadata().correlationId().toString())
                .add("causationId", String.valueOf(event.metadata().causationId()));
    }

    /** As above, with its schema version and its data (card numbers masked). */
    public static JsonObjectBuilder withData(RecordedEvent event) {
        return of(event).add("schemaVersion", event.schemaVersion()).add("data", Redaction.of(event.payload()));
    }
}
