package dev.zipper.domain;

/** A command the domain refused: nothing is written. Subtypes say why, so callers can answer precisely. */
public abstract class CommandRejected extends RuntimeException {
    protected CommandRejected(String message) {
        super(message);
    }
}
