package dev.zipper.readside;

import dev.zipper.domain.AggregateType;
import java.util.function.Function;

/**
 * A read table that follows one stream type: one {@link ReadRow} per stream, changed by each of the
 * stream's events in turn, exactly once and in stream order. Declared as a CDI producer field beside the
 * view's row (the read side finds every projection and feeds it, {@link ReadSide}); nothing else needs to
 * know it exists.
 *
 * @param name    its name in GET /log, the metrics, health checks and {@code Zipper-Await-View}
 * @param follows the aggregate whose streams it follows
 * @param rows    its rows (a JPA entity listed in persistence.xml)
 * @param newRow  a row for a stream it has not seen yet, before the stream's first event is applied
 * @param version the version of its definition: raise it when the row or how it applies an event changes,
 *                and the table is rebuilt from the log when the application is deployed ({@link Rebuilds})
 * @param <E>     the events of the stream type it follows
 * @param <R>     its rows
 */
public record Projection<E, R extends ReadRow<E>>(String name, AggregateType<?, E, ?> follows, Class<R> rows,
                                                  Function<String, R> newRow, int version) {

    /** A projection at version 1. */
    public Projection(String name, AggregateType<?, E, ?> follows, Class<R> rows, Function<String, R> newRow) {
        this(name, follows, rows, newRow, 1);
    }

    public R newRow(String streamId) {
        return newRow.apply(streamId);
    }
}
