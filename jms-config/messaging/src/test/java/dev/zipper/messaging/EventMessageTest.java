package dev.zipper.messaging;

import dev.zipper.eventstore.Actor;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.RecordedEvent;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An event as the relay writes it to a message and the read side reads it back. */
class EventMessageTest {

    private static final RecordedEvent EVENT = new RecordedEvent(42, "cart", "c1", 3, "cart.item-added", 1,
            "{\"sku\":\"MUG-01\",\"quantity\":2}", new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()),
            Instant.parse("2026-12-02T10:00:00.123Z"));
    private static final UUID LOG = UUID.randomUUID();

    @Test
    void an_event_survives_the_trip_through_a_message() {
        TextMessage message = message();
        EventMessage.write(EVENT, LOG, message);
        assertThat(EventMessage.read(message)).isEqualTo(EVENT);
    }

    @Test
    void a_message_says_which_log_its_event_is_from() {
        TextMessage message = message();
        EventMessage.write(EVENT, LOG, message);
        assertThat(EventMessage.log(message)).contains(LOG);
        assertThat(EventMessage.log(message())).as("written before messages said so").isEmpty();
    }

    @Test
    void a_stream_is_one_group_and_a_resent_event_one_duplicate_id() throws Exception {
        TextMessage message = message();
        EventMessage.write(EVENT, LOG, message);
        assertThat(message.getStringProperty(EventMessage.GROUP_ID)).isEqualTo("cart/c1");
        assertThat(message.getStringProperty(EventMessage.DUPLICATE_ID)).isEqualTo(EVENT.metadata().eventId().toString());
    }

    @Test
    void the_properties_written_are_those_the_event_catalogue_documents() throws Exception {
        TextMessage message = message();
        EventMessage.write(new RecordedEvent(EVENT.position(), EVENT.streamType(), EVENT.streamId(), EVENT.streamVersion(),
                EVENT.type(), EVENT.schemaVersion(), EVENT.payload(), new EventMetadata(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Actor.of("ada", "customer"), "ada", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                EVENT.recordedAt()), LOG, message);
        assertThat(Collections.list(message.getPropertyNames())).containsExactlyInAnyOrderElementsOf(
                EventMessage.PROPERTIES.stream().map(EventMessage.Property::name).toList());
    }

    @Test
    void a_message_that_is_no_event_is_refused_by_name() {
        assertThatThrownBy(() -> EventMessage.read(message())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not an event message");
    }

    /** A text message that keeps what is set on it, as a broker's would. */
    private static TextMessage message() {
        Map<String, Object> properties = new HashMap<>();
        return (TextMessage) Proxy.newProxyInstance(Message.class.getClassLoader(), new Class<?>[] {TextMessage.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("setText")) {
                        properties.put("text", args[0]);
                        return null;
                    }
                    if (name.equals("getText")) {
                        return properties.get("text");
                    }
                    if (name.startsWith("set") && name.endsWith("Property")) {
                        properties.put((String) args[0], args[1]);
                        return null;
                    }
                    if (name.startsWith("get") && name.endsWith("Property")) {
                        Object value = properties.get((String) args[0]);
                        if (value == null && method.getReturnType().isPrimitive()) {
                            throw new NumberFormatException("no property " + args[0]);
                        }
                        return value;
                    }
                    if (name.equals("getPropertyNames")) {
                        return Collections.enumeration(properties.keySet().stream().filter(key -> !key.equals("text")).toList());
                    }
                    return name.equals("toString") ? "a test message" : null;
                });
    }
}
