package dev.zipper.eventstore;

/** The stream's version after an append, and the log position of the last event appended. */
public record AppendResult(int version, long position) {
}
