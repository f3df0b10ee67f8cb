package dev.zipper.commands;

/**
 * What a command expects of its stream's version, checked before the aggregate decides.
 */
public sealed interface Expected {

    /** A stream that does not exist yet (a new aggregate, with an id just made). */
    Expected NEW_STREAM = new NewStream();

    /** A stream that exists, at whatever version it is now; retried when another command appends first. */
    Expected ANY_VERSION = new AnyVersion();

    /** A stream at exactly this version; refused (not retried) when it has moved on. */
    static Expected version(int version) {
        return new Version(version);
    }

    record NewStream() implements Expected {
    }

    record AnyVersion() implements Expected {
    }

    record Version(int version) implements Expected {
    }
}
