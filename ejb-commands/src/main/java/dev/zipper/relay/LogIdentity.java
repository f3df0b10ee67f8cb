package dev.zipper.relay;

import dev.zipper.eventstore.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Which log this server's database holds (the id of its first event, {@link EventLog#identity}), read
 * once it has one. The relay names it in every message; the read side drops a message that names
 * another: a broker's journal kept while the database was changed (or two databases sharing a broker)
 * would otherwise hand this log's readers events it does not hold, and views would show them.
 */
@ApplicationScoped
public class LogIdentity {

    @Inject
    private EventLog log;

    private volatile UUID known;

    /** This log's id; empty while it has no event. */
    public Optional<UUID> current() {
        if (known == null) {
            known = log.identity().orElse(null);
        }
        return Optional.ofNullable(known);
    }

    /** Whether a message from {@code log} (empty: one that does not say) carries an event of this log. */
    public boolean holds(Optional<UUID> log) {
        return log.isEmpty() || log.equals(current());
    }
}
