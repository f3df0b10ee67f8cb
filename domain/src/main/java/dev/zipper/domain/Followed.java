package dev.zipper.domain;

import java.util.Optional;

/**
 * An event a process follows, as the process names it: a record of the sealed interface the process
 * declares ({@link ProcessType#followed()}), with two components, the id of the stream the event came
 * from and the event itself (a record of another aggregate's events). The kernel makes it from the log;
 * each case says which instance it concerns and how the process reacts, so a case added without its
 * reaction does not compile, and the events a process follows are its cases, listed nowhere else.
 *
 * @param <S> the process's state
 * @param <E> its own events
 */
public interface Followed<S, E> {

    /** The instance (the id of the process's own stream) the event concerns, or empty when none does. */
    Optional<String> instance();

    /** What the instance records and the commands it issues on this event, in this state. */
    Reaction<E> react(S state);
}
