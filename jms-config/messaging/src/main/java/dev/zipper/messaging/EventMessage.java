package dev.zipper.messaging;

import dev.zipper.eventstore.Actor;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.RecordedEvent;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How a recorded event travels over JMS: the JSON payload as the text body, everything else as
 * properties, so a consumer can filter or order without parsing the body.
 */
public final class EventMessage {

    /** Artemis drops a second message with the same value: a re-sent event is delivered once. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /**
     * Artemis sends all messages of a group to one consumer, in order: one stream, one consumer. The
     * group is the stream's type and id, as streams of two types may share an id.
     */
    static final String GROUP_ID = "JMSXGroupID";
    /** W3C Trace Context's header name, for the event's trace (the relay puts its publishing span there). */
    public static final String TRACE = "traceparent";
    /** Which log the event is from: a reader of another one (a broker kept, a database changed) drops it. */
    static final String LOG = "log";

    /** A message property: its name, its JSON type, what it says. */
    public record Property(String name, String type, String description) {
    }

    /**
     * Every property {@link #write} sets (the actor's only when the event has one), as the event catalogue
     * documents them; a test holds the two together.
     */
    public static final List<Property> PROPERTIES = List.of(
            new Property(LOG, "string", "The log it comes from: the UUID of that log's first event. A reader of another log "
                    + "drops the message (its events are not in that log)"),
            new Property("position", "integer", "The event's position in the log: gap-free, one order for all streams"),
            new Property("streamType", "string", "The type of the stream it belongs to (account, cart, order-fulfilment...)"),
            new Property("streamId", "string", "The stream's id, unique within its type"),
            new Property("streamVersion", "integer", "The event's version in its stream, from 1"),
            new Property("eventType", "string", "The event's stored type name: the message's name in this catalogue"),
            new Property("schemaVersion", "integer", "The schema version its payload was stored in (older ones are upcast on reading)"),
            new Property("eventId", "string", "The event's UUID"),
            new Property("correlationId", "string", "The UUID of the request that led to it, through every process"),
            new Property("causationId", "string", "The UUID of the command or event that caused it"),
            new Property("recordedAt", "integer", "When it was committed, in milliseconds since the epoch"),
            new Property("actorSubject", "string", "The subject of the caller whose command recorded it, if any"),
            new Property("actorRoles", "string", "That caller's roles, comma-separated"),
            new Property("owner", "string", "The customer the stream belongs to, if any"),
            new Property(TRACE, "string", "The W3C trace context of the span that published it (when tracing is on): a "
                    + "consumer's span continues the trace of the request that appended the event"),
            new Property(DUPLICATE_ID, "string", "The event's UUID again: Artemis drops a message re-sent with it"),
            new Property(GROUP_ID, "string", "streamType/streamId: Artemis gives one stream's messages to one consumer, in order"));

    private EventMessage() {
    }

    /** Writes the event, from the log whose first event has the id {@code log}. */
    public static void write(RecordedEvent event, UUID log, TextMessage message) {
        try {
            message.setText(event.payload());
            message.setStringProperty(LOG, log.toString());
            message.setLongProperty("position", event.position());
            message.setStringProperty("streamType", event.streamType());
            message.setStringProperty("streamId", event.streamId());
            message.setIntProperty("streamVersion", event.streamVersion());
            message.setStringProperty("eventType", event.type());
            message.setIntProperty("schemaVersion", event.schemaVersion());
            message.setStringProperty("eventId", event.metadata().eventId().toString());
            message.setStringProperty("correlationId", event.metadata().correlationId().toString());
            message.setStringProperty("causationId", event.metadata().causationId().toString());
            message.setLongProperty("recordedAt", event.recordedAt().toEpochMilli());
            message.setStringProperty(DUPLICATE_ID, event.metadata().eventId().toString());
            if (event.metadata().actor() != null) {
                message.setStringProperty("actorSubject", event.metadata().actor().subject());
                message.setStringProperty("actorRoles", event.metadata().actor().rolesColumn());
            }
            message.setStringProperty("owner", event.metadata().owner());
            if (event.metadata().trace() != null) {
                message.setStringProperty(TRACE, event.metadata().trace());
            }
            message.setStringProperty(GROUP_ID, event.streamType() + "/" + event.streamId());
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot write event " + event.position(), e.getErrorCode(), e);
        }
    }

    /** The log the message's event is from; empty for a message written before messages said so. */
    public static Optional<UUID> log(Message message) {
        try {
            return Optional.ofNullable(message.getStringProperty(LOG)).map(UUID::fromString);
        } catch (JMSException | RuntimeException e) {
            throw new IllegalArgumentException("Not an event message: " + message, e);
        }
    }

    public static RecordedEvent read(Message message) {
        try {
            return new RecordedEvent(
                    message.getLongProperty("position"),
                    message.getStringProperty("streamType"),
                    message.getStringProperty("streamId"),
                    message.getIntProperty("streamVersion"),
                    message.getStringProperty("eventType"),
                    message.getIntProperty("schemaVersion"),
                    ((TextMessage) message).getText(),
                    new EventMetadata(
                            UUID.fromString(message.getStringProperty("eventId")),
                            UUID.fromString(message.getStringProperty("correlationId")),
                            UUID.fromString(message.getStringProperty("causationId")),
                            Actor.of(message.getStringProperty("actorSubject"), message.getStringProperty("actorRoles")),
                            message.getStringProperty("owner"),
                            message.getStringProperty(TRACE)),
                    Instant.ofEpochMilli(message.getLongProperty("recordedAt")));
        } catch (JMSException | RuntimeException e) {
            throw new IllegalArgumentException("Not an event message: " + message, e);
        }
    }
}
