package dev.zipper.eventstore;

import dev.zipper.domain.ErasesPersonalData;
import dev.zipper.domain.EventType;
import dev.zipper.domain.Personal;
import dev.zipper.domain.Upcast;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an aggregate's events into (type name, schema version, JSON) and back. The names come from
 * {@link EventType} on each record that the sealed root permits, so the log never holds a class name.
 * An event stored in an earlier schema version is read as the {@link Upcast} record nested in its event
 * that declares that version, then upcast, step by step, to the current shape.
 */
public final class EventCodec<E> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final Class<E> root;
    private final Map<Class<?>, EventType> typeOf = new HashMap<>();
    private final Map<String, Class<?>> classOf = new HashMap<>();
    private final Map<Class<?>, Set<String>> personal = new HashMap<>();

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
        root = sealedRoot;
        for (Class<?> permitted : sealedRoot.getPermittedSubclasses()) {
            EventType type = permitted.getAnnotation(EventType.class);
            if (type == null) {
                throw new IllegalArgumentException(permitted + " has no @EventType name");
            }
            name(type, permitted);
            typeOf.put(permitted, type);
            personal.put(permitted, !permitted.isRecord() ? Set.of() : Arrays.stream(permitted.getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(Personal.class))
                    .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet()));
            for (Class<?> nested : permitted.getDeclaredClasses()) {
                if (Upcast.class.isAssignableFrom(nested)) {
                    name(earlier(type, nested), nested);
                }
            }
        }
    }

    private void name(EventType type, Class<?> javaType) {
        if (classOf.put(key(type.name(), type.version()), javaType) != null) {
            throw new IllegalArgumentException("Two events are named " + key(type.name(), type.version()));
        }
    }

    /**
     * The stored name of an earlier version: the event's name and a version below the event's, whose
     * {@link Upcast#next()} gives the shape one version later, so that no version is skipped.
     */
    private static EventType earlier(EventType current, Class<?> upcast) {
        EventType type = upcast.getAnnotation(EventType.class);
        EventType next = Arrays.stream(upcast.getGenericInterfaces())
                .filter(i -> i instanceof ParameterizedType p && p.getRawType() == Upcast.class)
                .map(i -> ((ParameterizedType) i).getActualTypeArguments()[0])
                .filter(Class.class::isInstance).map(c -> ((Class<?>) c).getAnnotation(EventType.class))
                .findFirst().orElse(null);
        if (type == null || next == null || !type.name().equals(current.name()) || !next.name().equals(current.name())
                || type.version() >= current.version() || next.version() != type.version() + 1) {
            throw new IllegalArgumentException(upcast + " must be an @EventType named " + current.name()
                    + " with a version below " + current.version() + ", an Upcast to the version after its own");
        }
        return type;
    }

    /** The stored names of these events. */
    public Set<String> typeNames() {
        return typeOf.values().stream().map(EventType::name).collect(Collectors.toSet());
    }

    /** The event to append, its {@link Personal} fields named so that the log stores them encrypted. */
    public NewEvent encode(E event, EventMetadata metadata) {
        EventType type = typeOf.get(event.getClass());
        return new NewEvent(type.name(), type.version(), JSONB.toJson(event), metadata, personal.get(event.getClass()),
                event instanceof ErasesPersonalData);
    }

    /** The event in its current shape, upcast if it was stored in an earlier version. */
    public E decode(String type, int schemaVersion, String payload) {
        Class<?> javaType = classOf.get(key(type, schemaVersion));
        if (javaType == null) {
            throw new IllegalArgumentException("Unknown event type " + key(type, schemaVersion));
        }
        Object event = JSONB.fromJson(payload, javaType);
        while (event instanceof Upcast<?> older) {
            event = older.next();
        }
        return root.cast(event);
    }

    public E decode(RecordedEvent event) {
        return decode(event.type(), event.schemaVersion(), event.payload());
    }

    /** The event's schema version and data as its current shape has them: as stored, or upcast. */
    public NewEvent current(RecordedEvent event) {
        EventType type = typeOf.get(classOf.get(key(event.type(), event.schemaVersion())));
        return type != null ? new NewEvent(event.type(), event.schemaVersion(), event.payload(), event.metadata())
                : encode(decode(event), event.metadata());
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }
}
