package dev.zipper.domain;

import java.util.List;

/**
 * The commands an aggregate's event makes necessary in the same transaction: they commit with it or not
 * at all. For a fact that must hold the moment the command answers (a checked-out cart's order exists);
 * whatever may follow later, and may fail on its own, belongs to a process.
 *
 * @param <E> the aggregate's events
 */
@FunctionalInterface
public interface Consequences<E> {

    /** The commands this event, just decided for the stream {@code streamId}, issues. */
    List<Issued<?>> of(E event, String streamId);

    static <E> Consequences<E> none() {
        return (event, streamId) -> List.of();
    }
}
