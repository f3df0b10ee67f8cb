package dev.zipper.commands;

/**
 * A command carried an idempotency key that another request has already used (or is using, and has now
 * committed): nothing of this one is written; its caller answers from what the first one did.
 */
public class KeyAlreadyUsed extends RuntimeException {

    private final String key;

    public KeyAlreadyUsed(String key) {
        super("The idempotency key " + key + " has been used already");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
