package dev.zipper.commands;

/**
 * What a command did: the aggregate it touched (its stream type and id), its stream version now, and the
 * log position of its last event.
 */
public record CommandResult(String type, String id, int version, long position) {
}
