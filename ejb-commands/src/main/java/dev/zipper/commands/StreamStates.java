package dev.zipper.commands;

import dev.zipper.eventstore.StreamId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The state of the streams commanded lately, each as of a version, kept once the transaction that
 * decided it has committed. A command then reads only the events after that version, so its cost does
 * not grow with the stream's length; what another server appended meanwhile is among those events, so
 * the state is never stale, only a starting point. At most {@code zipper.commands.cached-streams} streams
 * (10,000; 0 keeps none, so that every command starts from the database), the least recently used
 * forgotten first. States are immutable values (records), shared between commands.
 */
@ApplicationScoped
public class StreamStates {

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "zipper.commands.cached-streams", defaultValue = "10000")
    private int maxStreams;

    private final Map<StreamId, Known<?>> known = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StreamId, Known<?>> eldest) {
            return size() > maxStreams;
        }
    });

    /** A stream's state after its first {@code version} events, the last of them at {@code position} in the log. */
    public record Known<S>(int version, long position, S state) {
    }

    /** What is known of the stream, or its initial state at version 0. */
    @SuppressWarnings("unchecked") // a stream's type fixes the type of its state
    <S> Known<S> of(StreamId stream, S initialState) {
        Known<?> state = known.get(stream);
        return state == null ? new Known<>(0, 0, initialState) : (Known<S>) state;
    }

    /** Keeps the state once the current transaction has committed; forgets nothing if it rolls back. */
    <S> void keepOnCommit(StreamId stream, Known<S> decided) {
        AfterCommit.run(transactions, () -> known.merge(stream, decided, (old, now) -> old.version() >= now.version() ? old : now));
    }
}
