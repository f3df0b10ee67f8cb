package dev.zipper.domain;

/** The command itself is malformed (a missing or blank field, say), whatever the aggregate's state. */
public class InvalidCommand extends CommandRejected {
    public InvalidCommand(String message) {
        super(message);
    }
}
