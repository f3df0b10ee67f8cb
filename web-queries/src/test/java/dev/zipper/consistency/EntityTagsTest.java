package dev.zipper.consistency;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTest {

    @Test
    void tags_are_read_from_every_header_value_a_weak_one_keeping_its_prefix() {
        assertThat(EntityTags.of(Collections.enumeration(List.of("\"3\", W/\"4\"", "\"5.1a2b3c4d\""))))
                .containsExactlyInAnyOrder("3", "W/4", "5.1a2b3c4d");
        assertThat(EntityTags.of(Collections.enumeration(List.of()))).isEmpty();
    }

    @Test
    void none_match_unless_the_current_tag_or_any_is_named() {
        assertThat(EntityTags.noneMatch(EntityTags.of(Collections.enumeration(List.of("\"3\""))), "4")).isTrue();
        assertThat(EntityTags.noneMatch(EntityTags.of(Collections.enumeration(List.of("\"3\""))), "3")).isFalse();
        assertThat(EntityTags.noneMatch(EntityTags.of(Collections.enumeration(List.of("*"))), "7")).isFalse();
    }
}
