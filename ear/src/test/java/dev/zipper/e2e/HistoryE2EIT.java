package dev.zipper.e2e;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** An aggregate's past from the log: its state as of a version or a time, and its events page by page. */
@ExtendWith(ZipperServer.class)
class HistoryE2EIT {

    ZipperHttp http;

    @BeforeEach
    void client() {
        http = new ZipperHttp(ZipperServer.WEB_MODULE);
    }

    @Test
    void an_accounts_state_as_of_a_version_or_a_time_is_folded_from_its_events() {
        String id = account("Then");
        http.post("accounts/" + id + "/confirm", null);
        http.post("accounts/" + id + "/activate", null);

        JsonObject first = body(http.get("accounts/" + id + "?version=1"));
        assertThat(first.getInt("version")).isEqualTo(1);
        assertThat(first.getJsonObject("state").getString("status")).isEqualTo("PENDING");
        assertThat(first.getJsonObject("state").getString("name")).isEqualTo("Then");
        HttpResponse<String> second = http.get("accounts/" + id + "?version=2");
        assertThat(second.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(body(second).getJsonObject("state").getString("status")).isEqualTo("CONFIRMED");

        JsonObject confirmed = events(id, "").getJsonArray("items").getJsonObject(1);
        JsonObject atThatTime = body(http.get("accounts/" + id + "?at=" + confirmed.getString("recordedAt")));
        assertThat(atThatTime.getInt("version")).isEqualTo(2);
        assertThat(atThatTime.getJsonNumber("position").longValue()).isEqualTo(confirmed.getJsonNumber("position").longValue());

        assertProblem(http.get("accounts/" + id + "?version=9"), 404, "at version 9; it is at version 3");
        assertProblem(http.get("accounts/" + id + "?at=1970-01-01T00:00:00Z"), 404, "No account with id");
        assertProblem(http.get("accounts/" + id + "?version=1&at=2026-01-01T00:00:00Z"), 400, "not both");
        assertProblem(http.get("accounts/" + id + "?at=yesterday"), 400, "at must be an instant");
    }

    @Test
    void an_accounts_events_come_a_page_at_a_time_oldest_first() {
        String id = account("Pages");
        http.post("accounts/" + id + "/confirm", null);
        http.post("accounts/" + id + "/activate", null);

        JsonObject page = events(id, "?limit=2");
        assertThat(page.getJsonArray("items").stream().map(e -> e.asJsonObject().getString("type")))
                .containsExactly("account.opened", "account.confirmed");
        assertThat(page.getJsonArray("items").getJsonObject(0).getJsonObject("data").getString("name")).isEqualTo("Pages");
        String next = page.getString("next");
        JsonObject rest = body(http.get(next));
        assertThat(rest.getJsonArray("items").stream().map(e -> e.asJsonObject().getInt("streamVersion"))).containsExactly(3);
        assertThat(rest.containsKey("next")).isFalse();
        assertProblem(http.get("accounts/no-such-account/events"), 404, "No account with id no-such-account");
        assertProblem(http.get("accounts/" + id + "/events?after=x"), 400, "after must be a whole number");
    }

    @Test
    void a_payments_card_number_never_leaves_the_server_whole() {
        String sku = "HIST-" + System.nanoTime();
        http.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Cup\", \"price\": 3.00, \"currency\": \"EUR\"}");
        http.post("products/" + sku + "/stock", "{\"quantity\": 5}");
        String customer = account("Payer");
        http.post("accounts/" + customer + "/confirm", null);
        http.post("accounts/" + customer + "/activate", null);
        String cart = body(http.post("carts", "{\"customerId\": \"" + customer + "\"}")).getString("id");
        http.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}");
        String order = body(http.post("carts/" + cart + "/checkout", "{\"card\": \"4242 4242 4242 4242\"}")).getString("orderId");

        HttpResponse<String> payment = Awaitility.await().until(() -> http.get("payments/" + order + "/events"),
                r -> r.statusCode() == 200);
        JsonObject requested = body(payment).getJsonArray("items").getJsonObject(0);
        assertThat(requested.getString("type")).isEqualTo("payment.requested");
        assertThat(requested.getJsonObject("data").getJsonObject("card").getString("number")).isEqualTo("**** 4242");
        List<JsonValue> cartEvents = body(http.get("carts/" + cart + "/events")).getJsonArray("items");
        assertThat(cartEvents.toString()).doesNotContain("4242424242424242").contains("**** 4242");
        assertThat(http.get("payments/" + order + "?version=1").body()).doesNotContain("4242424242424242");
    }

    private JsonObject events(String account, String query) {
        return body(http.get("accounts/" + account + "/events" + query));
    }

    private String account(String name) {
        return body(http.post("accounts", "{\"name\": \"" + name + "\", \"email\": \"h@example.org\"}")).getString("id");
    }

    private static JsonObject body(HttpResponse<String> response) {
        return ZipperHttp.json(response).asJsonObject();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body(response).getString("detail")).contains(detail);
    }
}
