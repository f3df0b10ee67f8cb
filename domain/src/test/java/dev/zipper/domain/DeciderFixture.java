package dev.zipper.domain;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given these events, when this command is decided, then these events (and this state), or this
 * refusal. For any aggregate's tests:
 * <pre>{@code
 * ACCOUNT.given(opened).when(new Confirm()).then(new Confirmed()).andState(confirmedAccount);
 * ACCOUNT.given().when(new Confirm()).thenRejected(IllegalTransition.class, "does not exist");
 * }</pre>
 */
public final class DeciderFixture<C, E, S> {

    private final Decider<C, E, S> decider;

    private DeciderFixture(Decider<C, E, S> decider) {
        this.decider = decider;
    }

    public static <C, E, S> DeciderFixture<C, E, S> of(AggregateType<C, E, S> type) {
        return new DeciderFixture<>(type.decider());
    }

    @SafeVarargs
    public final Given given(E... history) {
        return given(List.of(history));
    }

    public Given given(List<? extends E> history) {
        return new Given(decider.fold(history));
    }

    public final class Given {
        private final S state;

        private Given(S state) {
            this.state = state;
        }

        public When when(C command) {
            return new When(state, command);
        }
    }

    public final class When {
        private final S state;
        private final C command;

        private When(S state, C command) {
            this.state = state;
            this.command = command;
        }

        /** The command records exactly these events, in this order. */
        @SafeVarargs
        public final Then then(E... expected) {
            List<E> events = decider.decide(command, state);
            assertThat(events).as("events decided for %s", command).containsExactly(expected);
            S after = state;
            for (E event : events) {
                after = decider.evolve(after, event);
            }
            return new Then(after);
        }

        /** The command is refused with this exception, its message containing each of these parts. */
        public void thenRejected(Class<? extends CommandRejected> refusal, String... messageParts) {
            assertThatThrownBy(() -> decider.decide(command, state))
                    .as("refusal of %s", command)
                    .isInstanceOf(refusal)
                    .hasMessageContainingAll(messageParts);
        }
    }

    public final class Then {
        private final S state;

        private Then(S state) {
            this.state = state;
        }

        /** The state the recorded events lead to. */
        public void andState(S expected) {
            assertThat(state).isEqualTo(expected);
        }

        /** The state the recorded events lead to, as {@code check} asserts it. */
        public void andStateSatisfies(Consumer<S> check) {
            check.accept(state);
        }
    }
}
