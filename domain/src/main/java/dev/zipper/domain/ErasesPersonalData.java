package dev.zipper.domain;

/**
 * An event that erases the personal data of the customer its stream belongs to: appending it destroys
 * the customer's key, in the same transaction, so that every {@link Personal} field of their events reads
 * as erased from then on, while the log keeps every event, position and version.
 */
public interface ErasesPersonalData {
}
