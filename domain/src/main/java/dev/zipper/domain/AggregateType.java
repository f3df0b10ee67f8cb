package dev.zipper.domain;

import java.util.regex.Pattern;

/**
 * What the kernel knows of an aggregate: the stream type stored with each of its events (so a stream
 * is identified by type and id), the sealed interface its events implement (which the codec reads for
 * their stored names), its {@link Decider}, and the {@link Consequences} of its events (none for most).
 */
public record AggregateType<C, E, S>(String streamType, Class<E> events, Decider<C, E, S> decider,
                                     Consequences<E> consequences) {

    private static final Pattern STREAM_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public AggregateType {
        requireValid(streamType, events);
    }

    public AggregateType(String streamType, Class<E> events, Decider<C, E, S> decider) {
        this(streamType, events, decider, Consequences.none());
    }

    /** A stream type is a short lower-case name; events are the records a sealed interface permits. */
    static void requireValid(String streamType, Class<?> events) {
        if (!STREAM_TYPE.matcher(streamType).matches()) {
            throw new IllegalArgumentException("A stream type is lower-case letters, digits and '-', at most 32: " + streamType);
        }
        if (!events.isInterface() || !events.isSealed()) {
            throw new IllegalArgumentException(events.getName() + " must be a sealed interface (the events' root)");
        }
    }
}
