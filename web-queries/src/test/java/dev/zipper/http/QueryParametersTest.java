package dev.zipper.http;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    @Test
    void a_whole_number_in_range_of_ascii_digits_only() {
        assertThat(QueryParameters.integer("limit", null, 1, 500)).isEmpty();
        assertThat(QueryParameters.integer("limit", "500", 1, 500)).hasValue(500);
        assertThatThrownBy(() -> QueryParameters.integer("limit", "501", 1, 500)).hasMessageContaining("from 1 to 500");
        assertThatThrownBy(() -> QueryParameters.integer("limit", "١٢", 1, 500)).hasMessageContaining("'١٢'");
        assertThatThrownBy(() -> QueryParameters.integer("limit", "99999999999", 1, 500)).isInstanceOf(RequestRefused.class);
    }

    @Test
    void an_enum_name_exactly_and_a_flag_as_true_or_false() {
        assertThat(QueryParameters.oneOf("unit", "SECONDS", TimeUnit.class)).hasValue(TimeUnit.SECONDS);
        assertThatThrownBy(() -> QueryParameters.oneOf("unit", "seconds", TimeUnit.class)).hasMessageContaining("must be one of");
        assertThat(QueryParameters.flag("inStock", null)).isFalse();
        assertThat(QueryParameters.flag("inStock", "true")).isTrue();
        assertThatThrownBy(() -> QueryParameters.flag("inStock", "yes")).hasMessageContaining("true or false");
    }

    @Test
    void a_page_is_1_to_500_rows_after_a_key_of_at_most_200_characters() {
        assertThat(Page.of(null, null)).isEqualTo(new Page(Page.DEFAULT_LIMIT, null));
        assertThatThrownBy(() -> Page.of("0", null)).hasMessageContaining("limit must be a whole number from 1 to 500");
        assertThatThrownBy(() -> Page.of("10", "k".repeat(201))).hasMessageContaining("at most 200 characters");
    }
}
