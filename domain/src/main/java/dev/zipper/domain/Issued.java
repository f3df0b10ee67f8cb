package dev.zipper.domain;

/**
 * A command issued on an aggregate by a process, or by another aggregate's event in the same transaction
 * ({@link Consequences}).
 *
 * @param to      the aggregate it is for
 * @param id      the aggregate's stream id
 * @param command the command
 * @param opens   whether it opens a new stream (else the stream must exist)
 */
public record Issued<C>(AggregateType<C, ?, ?> to, String id, C command, boolean opens) {

    public static <C> Issued<C> to(AggregateType<C, ?, ?> to, String id, C command) {
        return new Issued<>(to, id, command, false);
    }

    public static <C> Issued<C> opening(AggregateType<C, ?, ?> to, String id, C command) {
        return new Issued<>(to, id, command, true);
    }
}
