package dev.zipper.process;

import dev.zipper.domain.Followed;
import dev.zipper.domain.Issued;
import dev.zipper.domain.ProcessType;
import dev.zipper.domain.Reaction;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What a process instance does on a followed event, decided from its own stream: nothing if the event was
 * consumed already (a redelivery, a replay), else its reaction to the event and to any earlier events of
 * the same stream it has not consumed yet (they may arrive later, or never, on their own), in stream
 * order, and the mark that records them consumed. It reads and writes nothing itself: {@link ProcessRunner}
 * appends and issues what it returns, in one transaction.
 *
 * @param recorded the process's events to append, each with the followed event that caused it
 * @param issued   the commands to run, each with its cause
 * @param last     the last followed event consumed (the mark names it)
 */
public record ProcessStep<E>(List<Caused<E>> recorded, List<Caused<Issued<?>>> issued, RecordedEvent last) {

    private static final EventCodec<ProcessMark> MARKS = EventCodec.of(ProcessMark.class);

    /** Something done because of a followed event. */
    public record Caused<T>(T what, RecordedEvent cause) {
    }

    /** The event as the process names it, if it follows events of its type. */
    public static <F extends Followed<S, E>, E, S> Optional<F> followed(ProcessType<F, E, S> type, RecordedEvent event) {
        return type.source(event.type()).flatMap(root -> type.follow(EventCodec.of(root).decode(event), event.streamId()));
    }

    /**
     * @param history  the instance's stream: its own events and the kernel's consumed marks
     * @param event    a followed event that concerns an instance
     * @param followed that event as the process names it ({@link #followed}), which says the instance
     * @param earlier  the events of the event's stream after one version up to another, from the log
     */
    public static <F extends Followed<S, E>, E, S> Optional<ProcessStep<E>> next(
            ProcessType<F, E, S> type, List<RecordedEvent> history, RecordedEvent event, F followed,
            BiFunction<Integer, Integer, List<RecordedEvent>> earlier) {
        EventCodec<E> codec = EventCodec.of(type.events());
        S state = type.initialState();
        Map<StreamId, Integer> consumed = new HashMap<>();
        for (RecordedEvent recorded : history) {
            if (recorded.type().equals("process.consumed")) {
                Consumed mark = (Consumed) MARKS.decode(recorded);
                consumed.put(new StreamId(mark.streamType(), mark.streamId()), mark.streamVersion());
            } else {
                state = type.evolve().apply(state, codec.decode(recorded));
            }
        }
        int seen = consumed.getOrDefault(event.stream(), 0);
        if (event.streamVersion() <= seen) {
            return Optional.empty();
        }
        List<RecordedEvent> pending = event.streamVersion() == seen + 1 ? List.of(event)
                : earlier.apply(seen, event.streamVersion());
        if (pending.isEmpty() || pending.get(pending.size() - 1).streamVersion() != event.streamVersion()) {
            // an event this log does not hold (an older copy of the database restored under a newer broker): the
            // step fails by name and the stream is parked; another database's messages are dropped before this
            throw new IllegalStateException(event.stream() + " v" + event.streamVersion() + " is not in the log");
        }
        List<Caused<E>> recorded = new ArrayList<>();
        List<Caused<Issued<?>>> issued = new ArrayList<>();
        for (RecordedEvent cause : pending) {
            Optional<F> answered = cause == event ? Optional.of(followed)
                    : followed(type, cause).filter(f -> f.instance().equals(followed.instance()));
            if (answered.isPresent()) {
                Reaction<E> reaction = answered.get().react(state);
                for (E own : reaction.recorded()) {
                    state = type.evolve().apply(state, own);
                    recorded.add(new Caused<>(own, cause));
                }
                reaction.issued().forEach(command -> issued.add(new Caused<>(command, cause)));
            }
        }
        return Optional.of(new ProcessStep<>(recorded, issued, pending.get(pending.size() - 1)));
    }

    /** The consumed mark to append after the step's own events. */
    public Consumed consumed() {
        return new Consumed(last.streamType(), last.streamId(), last.streamVersion());
    }
}
