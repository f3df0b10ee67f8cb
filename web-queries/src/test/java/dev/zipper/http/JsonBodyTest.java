package dev.zipper.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    @Test
    void only_a_json_object_is_a_body() {
        assertThatThrownBy(() -> JsonBody.parse(" ")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> JsonBody.parse("[1]")).hasMessageContaining("not ARRAY");
        assertThatThrownBy(() -> JsonBody.parse("{\"a\": 1")).hasMessageContaining("Malformed JSON");
        assertThatThrownBy(() -> JsonBody.parse("{} {}")).hasMessageContaining("Malformed JSON");
    }

    @Test
    void a_field_given_twice_or_nesting_too_deep_is_refused_before_anything_is_built() {
        assertThatThrownBy(() -> JsonBody.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("'a' appears twice");
        String deep = "{\"a\":".repeat(JsonBody.MAX_DEPTH + 1) + "1" + "}".repeat(JsonBody.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonBody.parse(deep)).hasMessageContaining("nested deeper than 32");
    }

    @Test
    void fields_are_read_by_type_and_a_wrong_type_is_named() {
        JsonBody body = JsonBody.parse("{\"name\": \"Ada\", \"quantity\": 3, \"price\": 12.50, \"gone\": null}");
        assertThat(body.text("name")).isEqualTo("Ada");
        assertThat(body.text("gone")).isNull();
        assertThat(body.has("gone")).isFalse();
        assertThat(body.integer("quantity")).isEqualTo(3);
        assertThat(body.decimal("price")).isEqualByComparingTo("12.50");
        assertThat(body.decimal("price").toPlainString()).isEqualTo("12.50");
        assertThatThrownBy(() -> body.text("quantity")).hasMessageContaining("name must be a string".replace("name", "quantity"));
        assertThatThrownBy(() -> body.integer("price")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> JsonBody.parse("{\"n\": 3000000000}").integer("n")).hasMessageContaining("whole number");
    }

    @Test
    void an_unknown_field_is_refused_by_name() {
        assertThatThrownBy(() -> JsonBody.parse("{\"nmae\": \"Ada\"}").only("name", "email"))
                .isInstanceOfSatisfying(RequestRefused.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(400))
                .hasMessage("Unknown field 'nmae'; expected only name, email");
    }
}
