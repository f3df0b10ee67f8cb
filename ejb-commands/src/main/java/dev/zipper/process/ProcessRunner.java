package dev.zipper.process;

import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.CommandTransaction;
import dev.zipper.commands.Expected;
import dev.zipper.domain.Followed;
import dev.zipper.domain.Issued;
import dev.zipper.domain.ProcessType;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.tracing.Traces;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.relay.LogAppended;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a process on one followed event, in one transaction: reads the instance's stream, asks
 * {@link ProcessStep} what to do (nothing for an event already consumed), runs the commands it issues and
 * appends what it records with a {@link Consumed} mark. All of it commits or none of it does, so a
 * redelivered or replayed event never issues a command twice; a conflict or a refused command rolls it
 * all back, and the message is redelivered.
 */
@Stateless
public class ProcessRunner {

    private static final EventCodec<ProcessMark> MARKS = EventCodec.of(ProcessMark.class);

    @Inject
    private CommandTransaction commands;

    @Inject
    private Traces traces;

    @Inject
    private Event<LogAppended> appended;

    @Inject
    private EventLog log;

    /** @return whether the event was new to the instance it concerns (false: a duplicate, or nobody's business) */
    public <F extends Followed<S, E>, E, S> boolean handle(ProcessType<F, E, S> type, RecordedEvent event) {
        Optional<F> followed = ProcessStep.followed(type, event);
        Optional<String> instance = followed.flatMap(Followed::instance);
        if (instance.isEmpty()) {
            return false;
        }
        StreamId stream = new StreamId(type.streamType(), instance.get());
        List<RecordedEvent> history = log.readStream(stream, 0);
        Optional<ProcessStep<E>> step = ProcessStep.next(type, history, event, followed.get(),
                (after, upTo) -> log.readStream(event.stream(), after, upTo));
        if (step.isEmpty()) {
            return false;
        }
        EventCodec<E> codec = EventCodec.of(type.events());
        List<NewEvent> toAppend = new ArrayList<>();
        step.get().recorded().forEach(own -> toAppend.add(codec.encode(own.what(), causedBy(own.cause()))));
        step.get().issued().forEach(command -> issue(command.what(), command.cause()));
        toAppend.add(MARKS.encode(step.get().consumed(), causedBy(step.get().last())));
        appended.fire(new LogAppended(log.append(stream, history.size(), toAppend).position()));
        return true;
    }

    /**
     * Records the event as consumed by the instance it concerns without answering it: an operator's skip
     * of an event that fails the process. Its later events are then answered from the next one on.
     */
    public <F extends Followed<S, E>, E, S> void skip(ProcessType<F, E, S> type, RecordedEvent event) {
        Optional<String> instance = ProcessStep.followed(type, event).flatMap(Followed::instance);
        if (instance.isPresent()) {
            StreamId stream = new StreamId(type.streamType(), instance.get());
            log.append(stream, log.readStream(stream, 0).size(), List.of(MARKS.encode(
                    new Consumed(event.streamType(), event.streamId(), event.streamVersion()), causedBy(event))));
        }
    }

    private <C> void issue(Issued<C> issued, RecordedEvent cause) {
        traces.command(issued.to().streamType(), issued.id(), issued.command(), () -> commands.run(issued.to(), issued.id(),
                issued.command(), issued.opens() ? Expected.NEW_STREAM : Expected.ANY_VERSION,
                CommandMetadata.correlatedWith(cause.metadata().correlationId())));
    }

    private static EventMetadata causedBy(RecordedEvent cause) {
        return new EventMetadata(UUID.randomUUID(), cause.metadata().correlationId(), cause.metadata().eventId(), null, null,
                Traces.current());
    }
}
