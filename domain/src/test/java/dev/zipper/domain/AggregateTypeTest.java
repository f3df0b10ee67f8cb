package dev.zipper.domain;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An aggregate or process type is refused at once when its names would not survive the log. */
class AggregateTypeTest {

    sealed interface Sealed permits Event { }

    record Event() implements Sealed { }

    interface Open { }

    @Test
    void a_stream_type_is_a_short_lower_case_name() {
        assertThatThrownBy(() -> new AggregateType<>("Account", Sealed.class, decider()))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new AggregateType<>("a".repeat(33), Sealed.class, decider()))
                .hasMessageContaining("at most 32");
    }

    @Test
    void the_events_root_is_a_sealed_interface() {
        assertThatThrownBy(() -> new AggregateType<>("open", Open.class, decider()))
                .hasMessageContaining("must be a sealed interface");
    }

    @Test
    void a_process_type_obeys_the_same_rules_and_knows_the_aggregates_it_follows() {
        AggregateType<Object, Sealed, Object> followed = new AggregateType<>("thing", Sealed.class, decider());
        assertThatThrownBy(() -> new ProcessType<>("Process", Sealed.class, List.of(followed), null))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new ProcessType<>("process", Open.class, List.of(followed), null))
                .hasMessageContaining("must be a sealed interface");

        ProcessType<Sealed, Object> process = new ProcessType<>("process", Sealed.class, List.of(followed), null);
        assertThat(process.source("thing")).containsSame(followed);
        assertThat(process.source("process")).as("not its own streams").isEmpty();
    }

    private static <E> Decider<Object, E, Object> decider() {
        return new Decider<>() {
            public Object initialState() {
                return null;
            }

            public List<E> decide(Object command, Object state) {
                return List.of();
            }

            public Object evolve(Object state, E event) {
                return state;
            }
        };
    }
}
