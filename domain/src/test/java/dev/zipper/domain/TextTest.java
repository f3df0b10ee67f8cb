package dev.zipper.domain;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's text: what is kept as typed, what is trimmed, what is refused and why. */
class TextTest {

    @ParameterizedTest(name = "''{0}'' is stored as ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "Ada Lovelace                   | Ada Lovelace",
            "'  Ada  '                      | Ada",
            "\u00a0Ada\u3000                | Ada",
            "Zo\u0065\u0301                 | Zo\u00e9",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 | \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
            "\ud83d\udc69\u200d\ud83d\udcbb | \ud83d\udc69\u200d\ud83d\udcbb"})
    void printable_text_is_normalised_and_trimmed(String typed, String stored) {
        assertThat(Text.required("name", typed, 200)).isEqualTo(stored);
    }

    static Stream<Arguments> refusedText() {
        return Stream.of(
                Arguments.of("Ada\u0000", "name must not contain U+0000"),
                Arguments.of("\u001b[31mAda", "name must not contain U+001B"),
                Arguments.of("Ada\tLovelace", "name must not contain U+0009"),
                Arguments.of("\u202egnp.exe", "name must not contain U+202E"),
                Arguments.of("A\u200bda", "name must not contain U+200B"),
                Arguments.of("\ufeffAda", "name must not contain U+FEFF"),
                Arguments.of("Ada\u2028", "name must not contain U+2028"),
                Arguments.of("Ada\ud800", "name must not contain U+D800"),
                Arguments.of("Ada\uffff", "name must not contain U+FFFF"),
                Arguments.of("\ufffeAda", "name must not contain U+FFFE"),
                Arguments.of("Ada\ufdd0", "name must not contain U+FDD0"),
                Arguments.of("Ada\ud83f\udfff", "name must not contain U+1FFFF"),
                Arguments.of("\u00a0", "name must not be blank"),
                Arguments.of("\u3000\u2003", "name must not be blank"),
                Arguments.of("\u200d", "name must not be blank"),
                Arguments.of("", "name must not be blank"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedText")
    void control_format_noncharacter_and_blank_text_is_refused(String typed, String message) {
        assertThatThrownBy(() -> Text.required("name", typed, 200))
                .isInstanceOf(InvalidCommand.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0} code points against a limit of 3")
    @CsvSource({"\ud83d\ude00\ud83d\ude00\ud83d\ude00, true", "abcd, false"})
    void the_length_limit_counts_code_points(String typed, boolean accepted) {
        if (accepted) {
            assertThat(Text.required("name", typed, 3)).isEqualTo(typed);
        } else {
            assertThatThrownBy(() -> Text.required("name", typed, 3)).hasMessage("name must be at most 3 characters");
        }
    }
}
