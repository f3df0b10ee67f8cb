package dev.zipper.domain;

import java.util.List;
import java.util.function.BiFunction;

/**
 * An aggregate's behaviour as three pure functions: where it starts, what a command decides (the events
 * to record, or a {@link CommandRejected}), and how an event changes the state. The kernel needs nothing
 * else to run any aggregate: fold its stream from the initial state, decide, append what was decided.
 * States must be immutable values (records): the kernel keeps a stream's last state between commands.
 *
 * @param <C> the aggregate's commands
 * @param <E> its events
 * @param <S> its state
 */
public interface Decider<C, E, S> {

    /** The state before the stream's first event: the aggregate does not exist yet. */
    S initialState();

    /** The events a command records against this state; throws a {@link CommandRejected} to refuse it. */
    List<E> decide(C command, S state);

    /** The state after one more event. */
    S evolve(S state, E event);

    /**
     * A decider from its three parts, for an aggregate whose state record decides and evolves itself:
     * {@code Decider.of(Product.NONE, Product::decide, Product::evolve)}.
     */
    static <C, E, S> Decider<C, E, S> of(S initialState, BiFunction<S, C, List<E>> decide, BiFunction<S, E, S> evolve) {
        return new Decider<>() {
            @Override
            public S initialState() {
                return initialState;
            }

            @Override
            public List<E> decide(C command, S state) {
                return decide.apply(state, command);
            }

            @Override
            public S evolve(S state, E event) {
                return evolve.apply(state, event);
            }
        };
    }

    /** The state a stream of events leaves. */
    default S fold(List<? extends E> events) {
        return fold(initialState(), events);
    }

    /** The state these events leave, starting from a state the stream was in. */
    default S fold(S state, List<? extends E> events) {
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
