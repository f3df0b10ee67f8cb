package dev.zipper.domain;

import java.util.List;
import java.util.Optional;

/**
 * A process (a saga) as pure functions: it follows the events of other aggregates' streams, remembers
 * what it needs as events of a stream of its own (one per instance, so its state survives restarts like
 * any aggregate's), and answers each followed event with the events it records and the commands it
 * issues. The kernel records what it has consumed with what it records and issues, in one transaction,
 * so an event delivered twice never issues a command twice.
 *
 * @param <E> the process's own events
 * @param <S> its state
 */
public interface ProcessDecider<E, S> {

    /** The state of an instance that has consumed nothing yet. */
    S initialState();

    S evolve(S state, E event);

    /**
     * The instance (the id of the process's own stream) a followed event concerns, or empty when none
     * does: then the event is not the process's business and nothing is recorded.
     *
     * @param event    a decoded event of one of the followed aggregates
     * @param streamId the id of the stream it belongs to
     */
    Optional<String> instanceOf(Object event, String streamId);

    /** What the instance records and the commands it issues on a followed event. */
    Reaction<E> react(S state, Object event, String streamId);

    /**
     * @param recorded events appended to the instance's own stream
     * @param issued   commands run in the same transaction, each on its aggregate
     */
    record Reaction<E>(List<E> recorded, List<Issued<?>> issued) {

        public static <E> Reaction<E> nothing() {
            return new Reaction<>(List.of(), List.of());
        }
    }
}
