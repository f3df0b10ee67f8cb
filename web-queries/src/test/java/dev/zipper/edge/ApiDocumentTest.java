package dev.zipper.edge;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API document as the application makes it from every {@link Operations} bean it has. */
class ApiDocumentTest {

    private static final List<Route> ROUTES = EveryRoute.of();

    @Test
    void the_document_is_valid_openapi() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(ApiDocument.of(ROUTES).toString(), null, null);
        assertThat(parsed.getMessages()).as("the validator's findings").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/accounts", "/accounts/{id}/address", "/carts/{id}/checkout",
                "/products/{id}/stock", "/orders/{id}/cancel", "/payments/{id}", "/sales/top-products", "/log", "/events",
                "/openapi");
    }

    @Test
    void the_document_is_the_same_whatever_order_the_routes_come_in() {
        List<Route> reversed = new ArrayList<>(ROUTES);
        java.util.Collections.reverse(reversed);
        assertThat(ApiDocument.of(reversed).toString()).isEqualTo(ApiDocument.of(ROUTES).toString());
    }

    @Test
    void every_operation_says_what_it_answers_when_it_fails() {
        JsonObject paths = ApiDocument.of(ROUTES).getJsonObject("paths");
        for (String path : paths.keySet()) {
            paths.getJsonObject(path).forEach((method, operation) -> {
                JsonObject responses = operation.asJsonObject().getJsonObject("responses");
                assertThat(responses.keySet()).as(method + " " + path).contains("default");
                if (method.equals("post")) {
                    assertThat(responses.keySet()).as(method + " " + path).contains("400", "409", "413", "415", "503");
                }
            });
        }
    }

    @Test
    void a_body_is_required_only_where_a_field_is() {
        JsonObject paths = ApiDocument.of(ROUTES).getJsonObject("paths");
        assertThat(paths.getJsonObject("/carts/{id}/checkout").getJsonObject("post").getJsonObject("requestBody")
                .getBoolean("required")).isFalse();
        assertThat(paths.getJsonObject("/orders/{id}/cancel").getJsonObject("post").getJsonObject("requestBody")
                .getBoolean("required")).isFalse();
        assertThat(paths.getJsonObject("/carts/{id}/items").getJsonObject("post").getJsonObject("requestBody")
                .getBoolean("required")).isTrue();
        assertThat(paths.getJsonObject("/orders/{id}/ship").getJsonObject("post").containsKey("requestBody")).isFalse();
    }
}
