package dev.zipper.domain;

import java.util.regex.Pattern;

/**
 * What the kernel knows of an aggregate: the stream type stored with each of its events (so a stream
 * is identified by type and id), the sealed interface its events implement (which the codec reads for
 * their stored names), its {@link Decider}, the {@link Consequences} of its events (none for most), and
 * whose it is: the customer (their account's id) a stream belongs to, if any ({@link #ownedBy}).
 */
public record AggregateType<C, E, S>(String streamType, Class<E> events, Decider<C, E, S> decider,
                                     Consequences<E> consequences, Owner<S> owner) {

    /** The customer an aggregate belongs to, from its id and state; null for one that belongs to no one. */
    @FunctionalInterface
    public interface Owner<S> {
        String of(String id, S state);
    }

    private static final Pattern STREAM_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public AggregateType {
        requireValid(streamType, events);
    }

    public AggregateType(String streamType, Class<E> events, Decider<C, E, S> decider) {
        this(streamType, events, decider, Consequences.none());
    }

    public AggregateType(String streamType, Class<E> events, Decider<C, E, S> decider, Consequences<E> consequences) {
        this(streamType, events, decider, consequences, (id, state) -> null);
    }

    /** The same aggregate, belonging to the customer {@code owner} names. */
    public AggregateType<C, E, S> ownedBy(Owner<S> whose) {
        return new AggregateType<>(streamType, events, decider, consequences, whose);
    }

    /** The customer the aggregate with this id and state belongs to; null for none. */
    public String ownerOf(String id, S state) {
        return owner.of(id, state);
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
