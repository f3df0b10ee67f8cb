package dev.zipper.domain;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An aggregate or process type is refused at once when its names would not survive the log. */
class AggregateTypeTest {

    sealed interface Sealed permits Event, Other { }

    @EventType(name = "thing.happened")
    record Event() implements Sealed { }

    @EventType(name = "thing.other")
    record Other() implements Sealed { }

    interface Open { }

    /** What a test process follows: one case, things that happened. */
    sealed interface Follows extends Followed<Object, Sealed> permits Happened { }

    record Happened(String thingId, Event event) implements Follows {
        public java.util.Optional<String> instance() {
            return java.util.Optional.of(thingId);
        }

        public Reaction<Sealed> react(Object state) {
            return Reaction.nothing();
        }
    }

    sealed interface Unreadable extends Followed<Object, Sealed> permits NoEvent { }

    record NoEvent(String thingId) implements Unreadable {
        public java.util.Optional<String> instance() {
            return java.util.Optional.empty();
        }

        public Reaction<Sealed> react(Object state) {
            return Reaction.nothing();
        }
    }

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
    void a_process_type_obeys_the_same_rules_and_knows_the_events_it_follows_from_its_cases() {
        assertThatThrownBy(() -> new ProcessType<>("Process", Sealed.class, Follows.class, null, (s, e) -> s))
                .hasMessageContaining("lower-case");
        @SuppressWarnings("unchecked") // a root that is no sealed interface, as a careless caller might pass one
        Class<Sealed> open = (Class<Sealed>) (Class<?>) Open.class;
        assertThatThrownBy(() -> new ProcessType<>("process", open, Follows.class, null, (s, e) -> s))
                .hasMessageContaining("must be a sealed interface");
        assertThatThrownBy(() -> new ProcessType<>("process", Sealed.class, Unreadable.class, null, (s, e) -> s))
                .hasMessageContaining("a record of a stream id and a followed event");

        ProcessType<Follows, Sealed, Object> process = new ProcessType<>("process", Sealed.class, Follows.class, null,
                (s, e) -> s);
        assertThat(process.follows("thing.happened")).isTrue();
        assertThat(process.follows("thing.other")).as("not one of its cases").isFalse();
        assertThat(process.source("thing.happened")).contains(Sealed.class);
        assertThat(process.follow(new Event(), "t1")).contains(new Happened("t1", new Event()));
        assertThat(process.follow(new Other(), "t1")).isEmpty();
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
