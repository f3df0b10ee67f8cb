package dev.zipper.projection;

import dev.zipper.domain.AggregateType;

/**
 * A read table that follows one stream type: one {@link ReadRow} per stream, changed by each of the
 * stream's events in turn, exactly once and in stream order. A projection is a CDI bean: the read side
 * finds it and feeds it ({@link ReadSide}); nothing else needs to know it exists.
 *
 * @param <E> the events of the stream type it follows
 * @param <R> its rows (a JPA entity listed in persistence.xml)
 */
public interface Projection<E, R extends ReadRow<E>> {

    /** Its name in GET /log, the metrics and health checks. */
    String name();

    /** The aggregate whose streams it follows. */
    AggregateType<?, E, ?> follows();

    Class<R> rows();

    /** A row for a stream it has not seen yet, before the stream's first event is applied. */
    R newRow(String streamId);
}
