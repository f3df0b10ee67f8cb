package dev.zipper.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A process (a saga) as pure functions: it follows events of other aggregates' streams (the cases of its
 * sealed {@code followed} interface, {@link Followed}), remembers what it needs as events of a stream of its
 * own (one per instance, so its state survives restarts like any aggregate's: {@code initialState} and
 * {@code evolve}), and answers each followed event with the events it records and the commands it issues.
 * The kernel records what it has consumed with what it records and issues, in one transaction, so an
 * event delivered twice never issues a command twice.
 *
 * @param streamType the stream type of its own streams
 * @param events     the sealed root of its own events (for the codec)
 * @param <F>        the events it follows
 * @param <E>        its own events
 * @param <S>        its state
 */
public record ProcessType<F extends Followed<S, E>, E, S>(String streamType, Class<E> events, Class<F> followed,
                                                          S initialState, BiFunction<S, E, S> evolve) {

    /** For each followed interface: the followed events' stored names, each with the case that wraps it. */
    private static final ClassValue<Map<String, Constructor<?>>> CASES = new ClassValue<>() {
        @Override
        protected Map<String, Constructor<?>> computeValue(Class<?> followed) {
            if (!followed.isInterface() || !followed.isSealed()) {
                throw new IllegalArgumentException(followed.getName() + " must be a sealed interface (the followed events)");
            }
            Map<String, Constructor<?>> cases = new HashMap<>();
            for (Class<?> type : followed.getPermittedSubclasses()) {
                RecordComponent[] components = type.getRecordComponents();
                if (components == null || components.length != 2 || components[0].getType() != String.class
                        || !components[1].getType().isAnnotationPresent(EventType.class)) {
                    throw new IllegalArgumentException(type.getName() + " must be a record of a stream id and a followed event");
                }
                try {
                    cases.put(components[1].getType().getAnnotation(EventType.class).name(),
                            type.getDeclaredConstructor(String.class, components[1].getType()));
                } catch (NoSuchMethodException e) {
                    throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
                }
            }
            return Map.copyOf(cases);
        }
    };

    public ProcessType {
        AggregateType.requireValid(streamType, events);
        CASES.get(followed); // refuses a followed interface the kernel could not read
    }

    /** Whether it follows events stored under this type name. */
    public boolean follows(String eventType) {
        return CASES.get(followed).containsKey(eventType);
    }

    /** The sealed root of the followed events of this stored type (to decode them), if it follows them. */
    public Optional<Class<?>> source(String eventType) {
        return Optional.ofNullable(CASES.get(followed).get(eventType)).map(c -> c.getParameterTypes()[1])
                .flatMap(event -> Arrays.stream(event.getInterfaces()).filter(Class::isSealed).findFirst());
    }

    /** The case for a decoded event of the stream {@code streamId}, or empty if the process does not follow it. */
    public Optional<F> follow(Object event, String streamId) {
        if (!event.getClass().isAnnotationPresent(EventType.class)) {
            return Optional.empty();
        }
        Constructor<?> wraps = CASES.get(followed).get(event.getClass().getAnnotation(EventType.class).name());
        if (wraps == null || !wraps.getParameterTypes()[1].isInstance(event)) {
            return Optional.empty();
        }
        try {
            return Optional.of(followed.cast(wraps.newInstance(streamId, event)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not wrap " + event + " for " + streamType, e);
        }
    }
}
