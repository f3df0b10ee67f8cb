package dev.zipper.reactions;

import dev.zipper.domain.AggregateType;
import dev.zipper.eventstore.RecordedEvent;

/**
 * Follows an aggregate's events and acts outside the log (asks a payment gateway, sends a mail), then
 * tells the log what came of it through a command. A CDI bean: the read side finds it and feeds it after
 * the projections and processes. Delivered at least once (a redelivered message repeats it), so the
 * command it issues must make a repeat harmless, as an aggregate that takes only a first answer does.
 *
 * @param <E> the events of the aggregate it follows
 */
public interface Automation<E> {

    AggregateType<?, E, ?> follows();

    /** Its name as a reader of the log (in {@code GET /log}'s parked streams): its class's, without a proxy's suffix. */
    default String name() {
        return getClass().getSimpleName().replaceAll("\\$.*", "");
    }

    /** Acts on one event; throwing has the message redelivered. */
    void on(E event, RecordedEvent recorded);
}
