package dev.zipper.commands;

import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.domain.UnknownAggregate;
import dev.zipper.eventstore.AppendResult;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.relay.LogAppended;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * One attempt at a command, for any aggregate, in one JTA transaction with the database as its only
 * resource: read the stream's events after the state {@link StreamStates} knows, check the expected
 * version, fold the events into the state, let the decider decide, append with the version read, and
 * keep the new state for the next command once this one commits. A refusal or a stale version rolls it all back. The
 * broker is not part of it: {@link dev.zipper.relay.LogRelay} publishes what committed, woken by
 * {@link LogAppended} once the transaction has. Call it through {@link Commands}, which retries.
 */
@Stateless
public class CommandTransaction {

    @Inject
    private Event<LogAppended> appended;

    @Inject
    private EventLog log;

    @Inject
    private StreamStates states;

    public <C, E, S> CommandResult run(AggregateType<C, E, S> type, String id, C command, Expected expected,
                                       CommandMetadata metadata) {
        StreamId stream = new StreamId(type.streamType(), id);
        Decider<C, E, S> decider = type.decider();
        EventCodec<E> codec = EventCodec.of(type.events());
        StreamStates.Known<S> known = states.of(stream, decider.initialState());
        List<RecordedEvent> newer = log.readStream(stream, known.version());
        int version = known.version() + newer.size();
        check(expected, stream, version);
        S state = decider.fold(known.state(), newer.stream().map(codec::decode).toList());
        List<E> decided = decider.decide(command, state);
        AppendResult result = log.append(stream, version,
                decided.stream().map(event -> codec.encode(event, metadata.forEvent())).toList());
        states.keepOnCommit(stream, result.version(), decider.fold(state, decided));
        appended.fire(new LogAppended(result.position()));
        return new CommandResult(id, result.version(), result.position());
    }

    private static void check(Expected expected, StreamId stream, int version) {
        if (expected instanceof Expected.NewStream && version != 0) {
            throw new ConcurrencyConflict(stream.id(), 0, version);
        }
        if (!(expected instanceof Expected.NewStream) && version == 0) {
            throw new UnknownAggregate(stream.type(), stream.id());
        }
        if (expected instanceof Expected.Version wanted && wanted.version() != version) {
            throw new ConcurrencyConflict(stream.id(), wanted.version(), version);
        }
    }
}
