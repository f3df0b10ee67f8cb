package dev.zipper.history;

import dev.zipper.eventstore.Actor;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.http.JsonObjects;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** How the API shows an event of the log. */
public final class EventJson {

    private EventJson() {
    }

    /** Where and what it is: position, stream, version, type, time, correlation, causation, and who did it. */
    public static JsonObjectBuilder of(RecordedEvent event) {
        Actor actor = event.metadata().actor();
        JsonObjectBuilder json = JsonObjects.object()
                .add("position", event.position())
                .add("streamType", event.streamType())
                .add("streamId", event.streamId())
                .add("streamVersion", event.streamVersion())
                .add("type", event.type())
                .add("recordedAt", event.recordedAt().toString())
                .add("correlationId", event.metadata().correlationId().toString())
                .add("causationId", String.valueOf(event.metadata().causationId()));
        if (actor != null) { // none for what the system did on its own
            JsonArrayBuilder roles = JsonObjects.array();
            actor.roles().forEach(roles::add);
            json.add("actor", JsonObjects.object().add("subject", actor.subject()).add("roles", roles));
        }
        return json;
    }

    /**
     * As above, with its data (card numbers masked) in its current shape: {@code current}, the event as its
     * codec reads it now ({@code schemaVersion}), and {@code storedSchemaVersion} if the log holds an older one.
     */
    public static JsonObjectBuilder withData(RecordedEvent event, NewEvent current) {
        JsonObjectBuilder json = of(event).add("schemaVersion", current.schemaVersion());
        if (current.schemaVersion() != event.schemaVersion()) {
            json.add("storedSchemaVersion", event.schemaVersion());
        }
        return json.add("data", Redaction.of(current.payload()));
    }
}
