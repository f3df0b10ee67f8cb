package dev.zipper.eventstore;

import dev.zipper.domain.EventType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns an aggregate's events into (type name, schema version, JSON) and back. The names come from
 * {@link EventType} on each record that the sealed root permits, so the log never holds a class name.
 */
public final class EventCodec<E> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final Map<Class<?>, EventType> typeOf = new HashMap<>();
    private final Map<String, Class<? extends E>> classOf = new HashMap<>();

    /** One codec per sealed event root, made once: making one reads the roots' annotations. */
    private static final ClassValue<EventCodec<?>> BY_ROOT = new ClassValue<>() {
        @Override
        protected EventCodec<?> computeValue(Class<?> root) {
            return new EventCodec<>(root);
        }
    };

    /** The codec of these events, made on first use. */
    @SuppressWarnings("unchecked") // BY_ROOT holds, for each root, a codec of that root
    public static <E> EventCodec<E> of(Class<E> sealedRoot) {
        return (EventCodec<E>) BY_ROOT.get(sealedRoot);
    }

    private EventCodec(Class<E> sealedRoot) {
        if (!sealedRoot.isSealed()) {
            throw new IllegalArgumentException(sealedRoot + " must be a sealed interface of event records");
        }
        for (Class<?> permitted : sealedRoot.getPermittedSubclasses()) {
            EventType type = permitted.getAnnotation(EventType.class);
            if (type == null) {
                throw new IllegalArgumentException(permitted + " has no @EventType name");
            }
            if (classOf.put(key(type.name(), type.version()), permitted.asSubclass(sealedRoot)) != null) {
                throw new IllegalArgumentException("Two events are named " + key(type.name(), type.version()));
            }
            typeOf.put(permitted, type);
        }
    }

    public NewEvent encode(E event, EventMetadata metadata) {
        EventType type = typeOf.get(event.getClass());
        return new NewEvent(type.name(), type.version(), JSONB.toJson(event), metadata);
    }

    public E decode(String type, int schemaVersion, String payload) {
        Class<? extends E> javaType = classOf.get(key(type, schemaVersion));
        if (javaType == null) {
            throw new IllegalArgumentException("Unknown event type " + key(type, schemaVersion));
        }
        return JSONB.fromJson(payload, javaType);
    }

    public E decode(RecordedEvent event) {
        return decode(event.type(), event.schemaVersion(), event.payload());
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }
}
