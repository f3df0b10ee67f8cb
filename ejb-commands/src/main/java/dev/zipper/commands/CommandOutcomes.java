package dev.zipper.commands;

import dev.zipper.domain.CommandRejected;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.EventLogFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Times every call of a command service and counts it by outcome: {@code accepted}, {@code rejected}
 * (the aggregate or the command's own checks said no), {@code conflict} (another command got in first),
 * {@code unavailable} (the event store), {@code failed} (anything else). Series
 * {@code zipper_commands_seconds_count{service, outcome}} and its sum.
 */
public class CommandOutcomes {

    @Inject
    private MeterRegistry registry;

    @AroundInvoke
    public Object measure(InvocationContext call) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            Object result = call.proceed();
            outcome = "accepted";
            return result;
        } catch (CommandRejected e) {
            outcome = "rejected";
            throw e;
        } catch (ConcurrencyConflict e) {
            outcome = "conflict";
            throw e;
        } catch (EventLogFailure e) {
            outcome = "unavailable";
            throw e;
        } finally {
            sample.stop(registry.timer("zipper.commands",
                    "service", call.getTarget().getClass().getSimpleName().replaceAll("\\$.*", ""),
                    "outcome", outcome));
        }
    }
}
