package dev.zipper.eventstore;

/** The database could not be read or written; the caller's transaction must not commit. */
public class EventLogFailure extends RuntimeException {
    public EventLogFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
