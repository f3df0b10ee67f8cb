package dev.zipper.eventstore;

/**
 * A stream's identity: its type (an aggregate's or a process's) and its id within that type. Two
 * streams with the same id and different types are different streams: a process keyed by an order's
 * id never collides with the order.
 */
public record StreamId(String type, String id) {

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
