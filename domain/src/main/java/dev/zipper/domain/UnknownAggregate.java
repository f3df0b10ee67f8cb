package dev.zipper.domain;

/** A command names an aggregate that has no events in the log. */
public class UnknownAggregate extends CommandRejected {
    public UnknownAggregate(String kind, String id) {
        super("No " + kind + " with id " + id);
    }
}
