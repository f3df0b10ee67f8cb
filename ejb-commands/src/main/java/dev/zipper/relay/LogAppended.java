package dev.zipper.relay;

/** Fired by a command that appended to the log; observed once its transaction has committed. */
public record LogAppended(long position) {
}
