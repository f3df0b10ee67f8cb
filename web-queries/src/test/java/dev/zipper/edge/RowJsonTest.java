package dev.zipper.edge;

import dev.zipper.pricing.Money;
import dev.zipper.product.ProductEvent;
import dev.zipper.product.ProductView;
import dev.zipper.product.ProductViews;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowJsonTest {

    @Test
    void a_row_shows_its_columns_by_name_its_amounts_in_its_currencys_digits_and_its_version_last() {
        ProductView product = ProductViews.applied("MUG-01", new ProductEvent.Added("Mug", Money.of("9.9", "EUR")),
                new ProductEvent.StockReceived(5));
        JsonObject json = RowJson.of(product, "sku").build();
        assertThat(json.keySet()).containsExactly("sku", "name", "price", "currency", "available", "reserved", "shipped",
                "received", "version");
        assertThat(json.getString("sku")).isEqualTo("MUG-01");
        assertThat(json.getJsonNumber("price").toString()).isEqualTo("9.90");
        assertThat(json.getInt("available")).isEqualTo(5);
    }

    @Test
    void the_schema_names_the_same_properties_with_their_types() {
        JsonObject schema = RowJson.schema(ProductView.class, "sku", Void.class);
        JsonObject properties = schema.getJsonObject("properties");
        assertThat(properties.keySet()).containsExactly("sku", "name", "price", "currency", "available", "reserved",
                "shipped", "received", "version");
        assertThat(properties.getJsonObject("price").getString("type")).isEqualTo("number");
        assertThat(properties.getJsonObject("available").getString("type")).isEqualTo("integer");
    }
}
