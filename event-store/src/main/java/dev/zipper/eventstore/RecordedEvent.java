package dev.zipper.eventstore;

import java.time.Instant;

/** One row of the log. {@code position} orders the whole log; {@code streamVersion} orders one stream (from 1). */
public record RecordedEvent(long position, String streamType, String streamId, int streamVersion,
                            String type, int schemaVersion, String payload,
                            EventMetadata metadata, Instant recordedAt) {

    public StreamId stream() {
        return new StreamId(streamType, streamId);
    }
}
