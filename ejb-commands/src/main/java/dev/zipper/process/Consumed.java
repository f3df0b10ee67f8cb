package dev.zipper.process;

import dev.zipper.domain.EventType;

/**
 * Recorded in a process instance's stream by the kernel, with whatever the instance records and issues
 * on an event: the followed stream has been consumed up to this version.
 */
@EventType(name = "process.consumed", version = 1)
public record Consumed(String streamType, String streamId, int streamVersion) implements ProcessMark {
}
