package dev.zipper.commands;

import dev.zipper.domain.AggregateType;
import dev.zipper.domain.CommandRejected;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The command side's one door, for every aggregate and every caller (HTTP, a process, a test): runs a
 * command in its own transaction ({@link CommandTransaction}); one that expects no particular version
 * is run again on the new state when a concurrent command got in first ({@link ConflictRetry}). Each
 * command is timed and counted by outcome: {@code zipper_commands_seconds_count{aggregate, command,
 * outcome}} with outcome {@code accepted}, {@code rejected} (the aggregate or the command's own checks
 * said no), {@code conflict} (stale expected version), {@code repeated} (its idempotency key was used),
 * {@code unavailable} (event store) or {@code failed}. Each is a span too ({@link Traces}).
 */
@ApplicationScoped
public class Commands {

    @Inject
    private CommandTransaction transaction;

    @Inject
    private ConflictRetry retry;

    @Inject
    private MeterRegistry registry;

    @Inject
    private Traces traces;

    public <C, E, S> CommandResult execute(AggregateType<C, E, S> type, String id, C command, Expected expected,
                                           CommandMetadata metadata) {
        // its span holds the transaction, the commit included
        return traces.command(type.streamType(), id, command, () -> timed(type, id, command, expected, metadata));
    }

    private <C, E, S> CommandResult timed(AggregateType<C, E, S> type, String id, C command, Expected expected,
                                          CommandMetadata metadata) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            CommandResult result = expected instanceof Expected.Version
                    ? transaction.run(type, id, command, expected, metadata)
                    : retry.run(() -> transaction.run(type, id, command, expected, metadata));
            outcome = "accepted";
            return result;
        } catch (RuntimeException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            sample.stop(registry.timer("zipper.commands", "aggregate", type.streamType(),
                    "command", command.getClass().getSimpleName(), "outcome", outcome));
        }
    }

    /**
     * The aggregate's state now and the version it is at, read from the log (strongly consistent, unlike
     * a view), or empty if it has no events: for what acts outside a command (an automation); a command
     * that needs other aggregates' facts gathers them in its own transaction ({@code GathersFacts}).
     */
    public <C, E, S> Optional<StreamStates.Known<S>> state(AggregateType<C, E, S> type, String id) {
        StreamStates.Known<S> known = transaction.current(type, id);
        return known.version() == 0 ? Optional.empty() : Optional.of(known);
    }

    private static String outcome(RuntimeException e) {
        if (Causes.include(e, CommandRejected.class)) {
            return "rejected";
        }
        if (Causes.include(e, ConcurrencyConflict.class)) {
            return "conflict";
        }
        if (Causes.include(e, KeyAlreadyUsed.class)) {
            return "repeated";
        }
        return Causes.include(e, EventLogFailure.class) ? "unavailable" : "failed";
    }
}
