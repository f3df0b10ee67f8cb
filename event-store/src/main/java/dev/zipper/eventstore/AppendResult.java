package dev.zipper.eventstore;

import java.util.List;

/** The events an append recorded, as the log now holds them (positions, versions, time). */
public record AppendResult(List<RecordedEvent> events) {

    /** The stream's version after the append. */
    public int version() {
        return events.get(events.size() - 1).streamVersion();
    }

    /** The log position of the last event appended. */
    public long position() {
        return events.get(events.size() - 1).position();
    }
}
