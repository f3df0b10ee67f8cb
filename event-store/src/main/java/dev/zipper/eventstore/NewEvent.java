package dev.zipper.eventstore;

/** An event about to be appended: its stored type name, schema version and JSON payload. */
public record NewEvent(String type, int schemaVersion, String payload, EventMetadata metadata) {
}
