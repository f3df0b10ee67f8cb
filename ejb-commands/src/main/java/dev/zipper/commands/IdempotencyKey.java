package dev.zipper.commands;

/**
 * A client's {@code Idempotency-Key} for one command, with the fingerprint of the request it came with
 * (method, path and body): the same key with another request is refused, not replayed.
 */
public record IdempotencyKey(String key, String fingerprint) {
}
