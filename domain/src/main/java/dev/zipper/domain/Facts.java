package dev.zipper.domain;

import java.util.Optional;

/**
 * What a command may know of other aggregates: their state now, read from the log in the command's own
 * transaction (strongly consistent, unlike a view). Given to a {@link GathersFacts} command.
 */
public interface Facts {

    /** The aggregate's state, or empty if it has no events. */
    <S> Optional<S> of(AggregateType<?, ?, S> type, String id);
}
