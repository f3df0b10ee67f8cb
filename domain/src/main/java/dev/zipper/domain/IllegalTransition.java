package dev.zipper.domain;

/** The command is well formed but not allowed in the aggregate's current state. */
public class IllegalTransition extends CommandRejected {
    public IllegalTransition(String message) {
        super(message);
    }
}
