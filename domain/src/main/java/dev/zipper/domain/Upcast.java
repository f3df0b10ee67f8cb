package dev.zipper.domain;

/**
 * An event as an earlier schema version of its type stored it, and what it reads as one version later:
 * a pure function. Declared as a record nested in the event it became, with its own {@link EventType}
 * (the same name, its older version). Stored events are never rewritten: whatever reads the log decodes
 * an old one as this record and follows {@link #next()} until it reaches the event's current shape, so a
 * chain v1 → v2 → v3 is a {@code V1} whose next is a {@code V2} whose next is the event itself.
 *
 * @param <N> the shape one version later
 */
public interface Upcast<N> {

    N next();
}
