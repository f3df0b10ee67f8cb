package dev.zipper.domain;

/**
 * A command that needs facts of other aggregates (a product's price, the customer's status): before it is
 * decided, in the same transaction, the kernel gives it the aggregate's state and the {@link Facts}, and
 * decides the command it returns. It may refuse (throw a {@link CommandRejected}) if a fact is missing.
 * Run again after a conflict, it reads the facts again.
 *
 * @param <C> the aggregate's commands
 * @param <S> its state
 */
public interface GathersFacts<C, S> {

    C gather(S state, Facts facts);
}
