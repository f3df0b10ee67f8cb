package dev.zipper.eventstore;

import java.util.Set;

/**
 * An event about to be appended: its stored type name, schema version and JSON payload, with the names of
 * its fields that hold its owner's personal data (the log stores them encrypted, {@link PersonalData}) and
 * whether it erases its owner's personal data.
 */
public record NewEvent(String type, int schemaVersion, String payload, EventMetadata metadata, Set<String> personal,
                       boolean erasesOwner) {

    public NewEvent {
        personal = Set.copyOf(personal);
    }

    /** An event with no personal data, that erases none. */
    public NewEvent(String type, int schemaVersion, String payload, EventMetadata metadata) {
        this(type, schemaVersion, payload, metadata, Set.of(), false);
    }
}
