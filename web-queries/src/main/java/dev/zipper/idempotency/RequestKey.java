package dev.zipper.idempotency;

import dev.zipper.commands.IdempotencyKey;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The request's idempotency key, once {@link IdempotentRequests} has found it unused. */
@RequestScoped
public class RequestKey {

    private IdempotencyKey key;
    private boolean answeredBefore;

    public Optional<IdempotencyKey> get() {
        return Optional.ofNullable(key);
    }

    void set(IdempotencyKey key) {
        this.key = key;
    }

    /** The key turned out taken when the command ran: this request's answer is the earlier one's, not kept. */
    void answeredBefore() {
        answeredBefore = true;
    }

    boolean wasAnsweredBefore() {
        return answeredBefore;
    }
}
