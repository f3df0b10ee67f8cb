package dev.zipper.history;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void a_card_number_shows_only_its_last_four_digits_wherever_it_is() {
        JsonObject shown = Redaction.of("{\"card\": {\"number\": \"4242424242424242\"}, \"lines\": [{\"sku\": \"MUG\"}]}")
                .asJsonObject();
        assertThat(shown.toString()).doesNotContain("4242424242424242").contains("4242");
        assertThat(shown.getJsonArray("lines").getJsonObject(0).getString("sku")).isEqualTo("MUG");
    }
}
