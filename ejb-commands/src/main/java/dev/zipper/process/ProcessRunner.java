package dev.zipper.process;

import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.CommandTransaction;
import dev.zipper.commands.Expected;
import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Issued;
import dev.zipper.domain.ProcessDecider;
import dev.zipper.domain.ProcessType;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.relay.LogAppended;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a process on one followed event, in one transaction: read the instance's stream (its state and
 * how far it has consumed each followed stream), drop the event if consumed, else react to it (and to
 * any predecessors of it that have not arrived yet, read from the log), run the commands it issues and
 * append what it records together with a {@link Consumed} mark. All of it commits or none of it does,
 * so a redelivered or replayed event never issues a command twice; a conflict or a refused command rolls
 * it all back, and the message is redelivered.
 */
@Stateless
public class ProcessRunner {

    private static final EventCodec<ProcessMark> MARKS = EventCodec.of(ProcessMark.class);

    @Inject
    private CommandTransaction commands;

    @Inject
    private Event<LogAppended> appended;

    @Inject
    private EventLog log;

    /** @return whether the event was new to the instance it concerns (false: a duplicate, or nobody's business) */
    public <E, S> boolean handle(ProcessType<E, S> type, RecordedEvent event) {
        Optional<AggregateType<?, ?, ?>> source = type.source(event.streamType());
        if (source.isEmpty()) {
            return false;
        }
        EventCodec<?> sourceCodec = EventCodec.of(source.get().events());
        ProcessDecider<E, S> decider = type.decider();
        Optional<String> instance = decider.instanceOf(sourceCodec.decode(event), event.streamId());
        if (instance.isEmpty()) {
            return false;
        }
        StreamId stream = new StreamId(type.streamType(), instance.get());
        List<RecordedEvent> history = log.readStream(stream, 0);
        EventCodec<E> codec = EventCodec.of(type.events());
        S state = decider.initialState();
        Map<StreamId, Integer> consumed = new HashMap<>();
        for (RecordedEvent recorded : history) {
            if (recorded.type().equals("process.consumed")) {
                Consumed mark = (Consumed) MARKS.decode(recorded);
                consumed.put(new StreamId(mark.streamType(), mark.streamId()), mark.streamVersion());
            } else {
                state = decider.evolve(state, codec.decode(recorded));
            }
        }
        int seen = consumed.getOrDefault(event.stream(), 0);
        if (event.streamVersion() <= seen) {
            return false;
        }
        List<RecordedEvent> pending = event.streamVersion() == seen + 1 ? List.of(event)
                : log.readStream(event.stream(), seen, event.streamVersion());
        List<NewEvent> toAppend = new ArrayList<>();
        for (RecordedEvent followed : pending) {
            Object decoded = sourceCodec.decode(followed);
            if (!instance.equals(decider.instanceOf(decoded, followed.streamId()))) {
                continue;
            }
            ProcessDecider.Reaction<E> reaction = decider.react(state, decoded, followed.streamId());
            for (E recorded : reaction.recorded()) {
                state = decider.evolve(state, recorded);
                toAppend.add(codec.encode(recorded, causedBy(followed)));
            }
            for (Issued<?> issued : reaction.issued()) {
                issue(issued, followed);
            }
        }
        RecordedEvent last = pending.get(pending.size() - 1);
        toAppend.add(MARKS.encode(new Consumed(last.streamType(), last.streamId(), last.streamVersion()), causedBy(last)));
        appended.fire(new LogAppended(log.append(stream, history.size(), toAppend).position()));
        return true;
    }

    private <C> void issue(Issued<C> issued, RecordedEvent cause) {
        commands.run(issued.to(), issued.id(), issued.command(), issued.opens() ? Expected.NEW_STREAM : Expected.ANY_VERSION,
                CommandMetadata.correlatedWith(cause.metadata().correlationId()));
    }

    private static EventMetadata causedBy(RecordedEvent cause) {
        return new EventMetadata(UUID.randomUUID(), cause.metadata().correlationId(), cause.metadata().eventId());
    }
}
