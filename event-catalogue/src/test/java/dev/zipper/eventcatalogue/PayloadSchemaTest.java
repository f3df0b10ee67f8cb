package dev.zipper.eventcatalogue;

import dev.zipper.account.AccountEvent;
import dev.zipper.cart.CartEvent;
import dev.zipper.order.OrderEvent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON schema of an event's payload, as the catalogue gives it, from the record alone. */
class PayloadSchemaTest {

    @Test
    void text_numbers_money_instants_and_lists_are_typed_as_the_log_stores_them() {
        JsonObject placed = PayloadSchema.of(OrderEvent.Placed.class).getJsonObject("properties");

        assertThat(placed.getJsonObject("customerId").getString("type")).isEqualTo("string");
        assertThat(placed.getJsonObject("placedAt").getString("format")).isEqualTo("date-time");
        JsonObject line = placed.getJsonObject("lines").getJsonObject("items").getJsonObject("properties");
        assertThat(line.getJsonObject("quantity").getString("type")).isEqualTo("integer");
        assertThat(line.getJsonObject("unitPrice").getJsonObject("properties").getJsonObject("amount").getString("type"))
                .isEqualTo("number");
        assertThat(placed.getJsonObject("totals").getJsonObject("properties").keySet())
                .containsExactly("subtotal", "shipping", "tax", "total");
    }

    @Test
    void personal_fields_are_marked_and_an_omittable_one_says_so() {
        JsonObject opened = PayloadSchema.of(AccountEvent.Opened.class).getJsonObject("properties");
        assertThat(opened.getJsonObject("email").getBoolean("x-personal")).isTrue();

        JsonObject address = PayloadSchema.of(AccountEvent.ShippingAddressSet.class).getJsonObject("properties")
                .getJsonObject("address");
        assertThat(address.getBoolean("x-personal")).isTrue();
        assertThat(address.getJsonObject("properties").getJsonObject("region").getString("description"))
                .contains("Left out");
    }

    @Test
    void an_event_without_fields_is_an_empty_object_that_takes_nothing_else() {
        JsonObject cleared = PayloadSchema.of(CartEvent.Cleared.class);
        assertThat(cleared.getJsonObject("properties")).isEmpty();
        assertThat(cleared.getBoolean("additionalProperties")).isFalse();
    }
}
