package dev.zipper.edge;

import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.Omittable;
import dev.zipper.http.JsonBody;
import dev.zipper.http.RequestRefused;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandBodiesTest {

    record Remove(String sku, int quantity) {
    }

    record Price(BigDecimal price, @Omittable String note) {
        Price {
            if (price == null) {
                throw new InvalidCommand("price is required");
            }
        }
    }

    record Nothing() {
    }

    @Test
    void fields_come_from_the_body_and_the_path() {
        Remove remove = CommandBodies.read(Remove.class, JsonBody.parse("{\"quantity\": 2}"), Map.of("sku", "MUG-01"));
        assertThat(remove).isEqualTo(new Remove("MUG-01", 2));
    }

    @Test
    void a_field_the_command_does_not_have_is_refused_with_a_400() {
        assertThatThrownBy(() -> CommandBodies.read(Remove.class, JsonBody.parse("{\"quantity\": 2, \"qty\": 3}"),
                Map.of("sku", "MUG-01")))
                .isInstanceOfSatisfying(RequestRefused.class, refused -> {
                    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
                    assertThat(refused.getMessage()).contains("Unknown field 'qty'", "expected only quantity");
                });
    }

    @Test
    void a_command_without_fields_refuses_any_body_but_an_empty_one() {
        assertThat(CommandBodies.read(Nothing.class, JsonBody.empty(), Map.of())).isEqualTo(new Nothing());
        assertThatThrownBy(() -> CommandBodies.read(Nothing.class, JsonBody.parse("{\"x\": 1}"), Map.of()))
                .hasMessageContaining("takes no body");
    }

    @Test
    void the_records_own_checks_refuse_what_is_missing_and_a_number_of_the_wrong_type_is_refused() {
        assertThatThrownBy(() -> CommandBodies.read(Price.class, JsonBody.empty(), Map.of()))
                .isInstanceOf(InvalidCommand.class).hasMessage("price is required");
        assertThatThrownBy(() -> CommandBodies.read(Remove.class, JsonBody.parse("{\"quantity\": 1.5}"), Map.of("sku", "A")))
                .hasMessageContaining("quantity must be a whole number");
        assertThatThrownBy(() -> CommandBodies.read(Remove.class, JsonBody.parse("{\"quantity\": \"2\"}"), Map.of("sku", "A")))
                .hasMessageContaining("quantity must be a number");
        assertThat(CommandBodies.read(Price.class, JsonBody.parse("{\"price\": 9.90}"), Map.of()).price()).isEqualTo("9.90");
    }

    @Test
    void the_schema_lists_the_body_fields_and_requires_all_but_the_omittable_ones() {
        JsonObject schema = CommandBodies.schema(Price.class, Set.of());
        assertThat(schema.getJsonObject("properties").keySet()).containsExactly("price", "note");
        assertThat(schema.getJsonObject("properties").getJsonObject("price").getString("type")).isEqualTo("number");
        assertThat(schema.getJsonArray("required").getValuesAs(JsonString::getString)).containsExactly("price");
        assertThat(schema.getBoolean("additionalProperties")).isFalse();

        JsonObject fromPath = CommandBodies.schema(Remove.class, Set.of("id", "sku"));
        assertThat(fromPath.getJsonObject("properties").keySet()).containsExactly("quantity");
    }
}
