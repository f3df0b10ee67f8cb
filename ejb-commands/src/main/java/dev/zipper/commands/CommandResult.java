package dev.zipper.commands;

/**
 * What a command did: the aggregate it touched (its stream type and id), its stream version now, and the
 * log position of the last event its transaction wrote (the events' consequences included, so that
 * waiting for it reads every write the command made).
 */
public record CommandResult(String type, String id, int version, long position) {
}
