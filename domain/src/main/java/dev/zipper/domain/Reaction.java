package dev.zipper.domain;

import java.util.List;

/**
 * What a process instance does on a followed event.
 *
 * @param recorded events appended to the instance's own stream
 * @param issued   commands run in the same transaction, each on its aggregate
 * @param <E>      the process's own events
 */
public record Reaction<E>(List<E> recorded, List<Issued<?>> issued) {

    public Reaction {
        recorded = List.copyOf(recorded);
        issued = List.copyOf(issued);
    }

    public static <E> Reaction<E> nothing() {
        return new Reaction<>(List.of(), List.of());
    }
}
