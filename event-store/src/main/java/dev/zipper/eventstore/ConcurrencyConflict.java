package dev.zipper.eventstore;

/** An append's expected version no longer matches the stream: someone else appended first. Nothing was written. */
public class ConcurrencyConflict extends RuntimeException {
    public ConcurrencyConflict(String streamId, int expected, int actual) {
        super("Stream " + streamId + " is at version " + actual + ", not the expected " + expected);
    }

    public ConcurrencyConflict(String streamId, int expected, Throwable cause) {
        super("Stream " + streamId + " moved past the expected version " + expected + " while appending", cause);
    }
}
