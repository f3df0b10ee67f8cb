package dev.zipper.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the kernel knows of a process: the stream type of its own streams, the sealed root of its own
 * events (for the codec), the aggregates whose events it follows (for decoding them) and its
 * {@link ProcessDecider}.
 */
public record ProcessType<E, S>(String streamType, Class<E> events, List<AggregateType<?, ?, ?>> follows,
                                ProcessDecider<E, S> decider) {

    public ProcessType {
        AggregateType.requireValid(streamType, events);
        follows = List.copyOf(follows);
    }

    /** The followed aggregate whose streams have this type, if any. */
    public Optional<AggregateType<?, ?, ?>> source(String streamType) {
        return follows.stream().filter(type -> type.streamType().equals(streamType)).findFirst();
    }
}
