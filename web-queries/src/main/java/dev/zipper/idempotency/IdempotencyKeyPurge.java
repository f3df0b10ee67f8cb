package dev.zipper.idempotency;

import dev.zipper.commands.IdempotencyKeys;
import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.leadership.Leadership;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets idempotency keys {@code zipper.idempotency.keep-hours} (default 24) after their first use:
 * a retry after that runs as a new request. Every ten minutes, on the instance that leads ({@link Leadership}).
 */
@Singleton
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class.getName());

    @Inject
    private IdempotencyKeys keys;

    @Inject
    private Leadership leadership;

    @Inject
    @ConfigProperty(name = "zipper.idempotency.keep-hours", defaultValue = "24")
    private long keepHours;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        if (!leadership.leads()) {
            return;
        }
        try {
            int forgotten = keys.purge(Instant.now().minus(Duration.ofHours(keepHours)));
            if (forgotten > 0) {
                LOG.info(() -> "Forgot " + forgotten + " idempotency keys older than " + keepHours + " h");
            }
        } catch (EventLogFailure e) {
            LOG.fine(() -> "Idempotency keys not purged: " + e);
        }
    }
}
