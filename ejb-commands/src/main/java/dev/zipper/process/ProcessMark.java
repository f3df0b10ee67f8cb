package dev.zipper.process;

/** The events the kernel itself records in a process's stream, beside the process's own. */
public sealed interface ProcessMark permits Consumed {
}
