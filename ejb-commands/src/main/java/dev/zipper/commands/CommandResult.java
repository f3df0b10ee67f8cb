package dev.zipper.commands;

/** What a command did: the aggregate it touched, its stream version now, and the log position of its last event. */
public record CommandResult(String id, int version, long position) {
}
