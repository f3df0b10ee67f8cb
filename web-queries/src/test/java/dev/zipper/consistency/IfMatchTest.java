package dev.zipper.consistency;

import dev.zipper.commands.Expected;
import dev.zipper.http.RequestRefused;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @Test
    void a_tag_names_the_version_the_command_runs_on_even_with_other_streams_after_the_dot() {
        assertThat(IfMatch.expected(Set.of("3"), Expected.ANY_VERSION)).isEqualTo(Expected.version(3));
        assertThat(IfMatch.expected(Set.of("3.5f1c02ab"), Expected.ANY_VERSION)).isEqualTo(Expected.version(3));
    }

    @Test
    void no_tag_or_any_leaves_the_command_as_it_was() {
        assertThat(IfMatch.expected(Set.of(), Expected.ANY_VERSION)).isEqualTo(Expected.ANY_VERSION);
        assertThat(IfMatch.expected(Set.of("*"), Expected.version(2))).isEqualTo(Expected.version(2));
    }

    @Test
    void two_tags_are_a_400_and_a_tag_that_is_no_version_a_412() {
        assertThatThrownBy(() -> IfMatch.expected(Set.of("3", "4"), Expected.ANY_VERSION))
                .isInstanceOfSatisfying(RequestRefused.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
        assertThatThrownBy(() -> IfMatch.expected(Set.of("W/3"), Expected.ANY_VERSION))
                .isInstanceOfSatisfying(RequestRefused.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(412));
    }
}
