package dev.zipper.commands;

import dev.zipper.eventstore.ConcurrencyConflict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Runs a command that carries no expected version again when a concurrent append to the same stream
 * beat it: the retry reloads the aggregate, which decides anew. Bounded, so a stream under constant
 * contention still answers. Call it outside the command's transaction: each attempt needs its own.
 * Each retry is counted ({@code zipper_commands_conflicts_retried_total}).
 */
@ApplicationScoped
public class ConflictRetry {

    private static final int ATTEMPTS = 5;

    private Counter retried;

    @Inject
    void measure(MeterRegistry registry) {
        retried = registry.counter("zipper.commands.conflicts.retried");
    }

    public <T> T run(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !Causes.include(e, ConcurrencyConflict.class)) {
                    throw e;
                }
                retried.increment();
            }
        }
    }
}
