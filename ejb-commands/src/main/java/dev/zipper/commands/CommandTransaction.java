package dev.zipper.commands;

import dev.zipper.domain.AggregateExists;
import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.domain.Facts;
import dev.zipper.domain.GathersFacts;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.Issued;
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
import java.util.Optional;

/**
 * One attempt at a command, for any aggregate, in one JTA transaction with the database as its only
 * resource: read the stream's events after the state {@link StreamStates} knows (or the stream's
 * snapshot, {@link StreamSnapshots}), check the expected
 * version, fold the events into the state, let the decider decide, append with the version read, and
 * keep the new state for the next command once this one commits. The commands its events issue as
 * {@link dev.zipper.domain.Consequences} run next, in the same transaction. A decision of no events (a
 * repeat the aggregate recognises) writes nothing. A refusal or a stale version rolls it all back. The
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

    @Inject
    private StreamSnapshots snapshots;

    @Inject
    private IdempotencyKeys keys;

    public <C, E, S> CommandResult run(AggregateType<C, E, S> type, String id, C command, Expected expected,
                                       CommandMetadata metadata) {
        // first: a concurrent request with the same key waits here until this transaction ends
        metadata.idempotencyKey().ifPresent(keys::claim);
        CommandResult result = decideAndAppend(type, id, command, expected, metadata);
        metadata.idempotencyKey().ifPresent(key -> keys.done(key, result));
        return result;
    }

    private <C, E, S> CommandResult decideAndAppend(AggregateType<C, E, S> type, String id, C command, Expected expected,
                                                    CommandMetadata metadata) {
        StreamId stream = new StreamId(type.streamType(), id);
        // a stream to be opened has no snapshot: not looking saves a query on every new stream
        StreamStates.Known<S> current = current(type, stream, !(expected instanceof Expected.NewStream));
        if (current.version() > 0) { // another customer's aggregate is one they cannot find, at any version
            metadata.limitedTo().filter(customer -> !customer.equals(type.ownerOf(id, current.state())))
                    .ifPresent(customer -> {
                        throw new UnknownAggregate(stream.type(), id);
                    });
        }
        check(expected, stream, current.version());
        Decider<C, E, S> decider = type.decider();
        List<E> decided = decider.decide(gathered(command, current.state()), current.state());
        if (decided.isEmpty()) {
            // the command was already done (a repeat): nothing to write, the stream as it is answers
            states.keepOnCommit(stream, current);
            return new CommandResult(stream.type(), id, current.version(), current.position());
        }
        EventCodec<E> codec = EventCodec.of(type.events());
        S next = decider.fold(current.state(), decided);
        String owner = type.ownerOf(id, next);
        if (current.version() == 0) { // one they open is theirs: a cart for their own account, say
            metadata.limitedTo().filter(customer -> !customer.equals(owner)).ifPresent(customer -> {
                throw new InvalidCommand("No account with id " + owner);
            });
        }
        AppendResult result = log.appendAfterRead(stream, current.version(),
                decided.stream().map(event -> codec.encode(event, metadata.forEvent(owner))).toList());
        StreamStates.Known<S> decidedState = new StreamStates.Known<>(result.version(), result.position(), next);
        states.keepOnCommit(stream, decidedState);
        snapshots.decided(type, stream, current.version(), decidedState);
        long last = result.position();
        for (E event : decided) {
            for (Issued<?> issued : type.consequences().of(event, id)) {
                last = Math.max(last, consequence(issued, metadata).position());
            }
        }
        appended.fire(new LogAppended(last));
        return new CommandResult(stream.type(), id, result.version(), last);
    }

    /** The command itself, or what it became with the facts it gathers, read in this transaction. */
    @SuppressWarnings("unchecked") // an aggregate's command gathers for that aggregate's state
    private <C, S> C gathered(C command, S state) {
        if (!(command instanceof GathersFacts<?, ?> gathers)) {
            return command;
        }
        Facts facts = new Facts() {
            @Override
            public <T> Optional<T> of(AggregateType<?, ?, T> type, String id) {
                StreamStates.Known<T> known = current(type, id);
                return known.version() == 0 ? Optional.empty() : Optional.of(known.state());
            }
        };
        return ((GathersFacts<C, S>) gathers).gather(state, facts);
    }

    private <C> CommandResult consequence(Issued<C> issued, CommandMetadata metadata) {
        return decideAndAppend(issued.to(), issued.id(), issued.command(),
                issued.opens() ? Expected.NEW_STREAM : Expected.ANY_VERSION, metadata);
    }

    /**
     * The aggregate's state now, read from the log (its initial state at version 0 if the stream is
     * empty).
     */
    public <C, E, S> StreamStates.Known<S> current(AggregateType<C, E, S> type, String id) {
        return current(type, new StreamId(type.streamType(), id), true);
    }

    private <C, E, S> StreamStates.Known<S> current(AggregateType<C, E, S> type, StreamId stream, boolean fromSnapshot) {
        Decider<C, E, S> decider = type.decider();
        StreamStates.Known<S> known = states.of(stream, decider.initialState());
        if (fromSnapshot) {
            known = snapshots.start(type, stream, known);
        }
        List<RecordedEvent> newer = log.readStream(stream, known.version());
        if (newer.isEmpty()) {
            return known;
        }
        EventCodec<E> codec = EventCodec.of(type.events());
        RecordedEvent last = newer.get(newer.size() - 1);
        StreamStates.Known<S> found = new StreamStates.Known<>(last.streamVersion(), last.position(),
                decider.fold(known.state(), newer.stream().map(codec::decode).toList()));
        snapshots.folded(type, stream, newer.size(), found);
        return found;
    }

    private static void check(Expected expected, StreamId stream, int version) {
        if (expected instanceof Expected.NewStream && version != 0) {
            throw new AggregateExists(stream.type(), stream.id());
        }
        if (!(expected instanceof Expected.NewStream) && version == 0) {
            throw new UnknownAggregate(stream.type(), stream.id());
        }
        if (expected instanceof Expected.Version wanted && wanted.version() != version) {
            throw new ConcurrencyConflict(stream.id(), wanted.version(), version);
        }
    }
}
