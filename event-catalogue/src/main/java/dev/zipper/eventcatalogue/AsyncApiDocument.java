package dev.zipper.eventcatalogue;

import dev.zipper.domain.EventType;
import dev.zipper.domain.Upcast;
import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The event catalogue as an AsyncAPI 3.0 document: the one topic every event is published to, and a
 * message for each event type and schema version (the current one, and each older one the log may still
 * hold, which readers upcast), with its payload's schema and the message properties. Run at build time:
 * {@code AsyncApiDocument OUTPUT_FILE VERSION} writes the document of the sealed event roots on its class
 * path ({@link EventRoots}; the context class loader: exec:java puts the project's classes there).
 */
public final class AsyncApiDocument {

    private static final String CHANNEL = "events";

    private AsyncApiDocument() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        JsonObject document = of(EventRoots.on(Thread.currentThread().getContextClassLoader()), args[1]);
        Files.createDirectories(output.getParent());
        try (Writer writer = Files.newBufferedWriter(output)) {
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(writer).write(document);
        }
        System.out.println("[event catalogue] " + document.getJsonObject("components").getJsonObject("messages").size()
                + " event types and versions written to " + output);
    }

    static JsonObject of(List<Class<?>> roots, String version) {
        JsonObjectBuilder messages = Json.createObjectBuilder();
        JsonObjectBuilder channelMessages = Json.createObjectBuilder();
        JsonArrayBuilder sent = Json.createArrayBuilder();
        for (Class<?> root : roots) {
            for (Class<?> event : root.getPermittedSubclasses()) {
                EventType current = event.getAnnotation(EventType.class);
                messages.add(key(current), message(root, event, current, "Its current version"));
                for (Class<?> older : event.getDeclaredClasses()) {
                    if (Upcast.class.isAssignableFrom(older)) {
                        EventType stored = older.getAnnotation(EventType.class);
                        messages.add(key(stored), message(root, older, stored, "An older version, which the log may "
                                + "still hold and publish as stored: readers upcast it to version " + current.version()));
                    }
                }
            }
        }
        JsonObject all = messages.build();
        for (String key : all.keySet()) {
            channelMessages.add(key, ref("#/components/messages/" + key));
            sent.add(ref("#/channels/" + CHANNEL + "/messages/" + key));
        }
        return Json.createObjectBuilder()
                .add("asyncapi", "3.0.0")
                .add("info", Json.createObjectBuilder().add("title", "Zipper events").add("version", version)
                        .add("description", "Every event the log stores, as the relay publishes it in log order once "
                                + "committed: the payload is the event's JSON as stored, everything else message "
                                + "properties. One topic for all; a consumer picks the stream types it follows by the "
                                + "streamType property. Messages of one stream reach one consumer, in order."))
                .add("defaultContentType", "application/json")
                .add("channels", Json.createObjectBuilder().add(CHANNEL, Json.createObjectBuilder()
                        .add("address", Topics.EVENTS)
                        .add("title", "The log's events")
                        .add("description", "The JMS topic (ActiveMQ Artemis) every committed event is published to")
                        .add("messages", channelMessages)))
                .add("operations", Json.createObjectBuilder().add("publishEvents", Json.createObjectBuilder()
                        .add("action", "send")
                        .add("channel", ref("#/channels/" + CHANNEL))
                        .add("summary", "The relay publishes each committed event, at least once (a re-sent one is "
                                + "dropped by the broker's duplicate id)")
                        .add("messages", sent)))
                .add("components", Json.createObjectBuilder()
                        .add("messages", all)
                        .add("schemas", Json.createObjectBuilder().add("EventProperties", properties())))
                .build();
    }

    private static JsonObject message(Class<?> root, Class<?> record, EventType type, String which) {
        String aggregate = root.getSimpleName().replaceAll("(Event|Mark)$", "");
        return Json.createObjectBuilder()
                .add("name", type.name())
                .add("title", type.name() + " v" + type.version())
                .add("summary", which)
                .add("contentType", "application/json")
                .add("tags", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", aggregate)))
                .add("headers", ref("#/components/schemas/EventProperties"))
                .add("payload", PayloadSchema.of(record))
                .add("correlationId", Json.createObjectBuilder().add("location", "$message.header#/correlationId"))
                .add("x-event-type", type.name())
                .add("x-schema-version", type.version())
                .build();
    }

    private static JsonObject properties() {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        for (EventMessage.Property property : EventMessage.PROPERTIES) {
            properties.add(property.name(), Json.createObjectBuilder().add("type", property.type())
                    .add("description", property.description()));
        }
        return Json.createObjectBuilder().add("type", "object").add("properties", properties).build();
    }

    private static String key(EventType type) {
        return type.name() + ".v" + type.version();
    }

    private static JsonObject ref(String to) {
        return Json.createObjectBuilder().add("$ref", to).build();
    }
}
