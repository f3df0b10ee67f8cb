package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client can hold on to over HTTP: its own writes, versions as ETags, preconditions. */
@ExtendWith(ZipperServer.class)
class ConsistencyE2EIT {

    private static final String POSITION = "Zipper-Position";

    ZipperHttp http;

    @BeforeEach
    void client() {
        http = new ZipperHttp(ZipperServer.WEB_MODULE);
    }

    @Test
    void a_query_given_the_commands_position_shows_the_write_every_time() {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> opened = openAccount("Reader " + i);
            String id = body(opened).getString("id");
            HttpResponse<String> confirmed = http.post("accounts/" + id + "/confirm", null);
            long position = body(confirmed).getJsonNumber("position").longValue();
            assertThat(confirmed.headers().firstValue(POSITION)).hasValue(String.valueOf(position));
            assertThat(confirmed.headers().firstValue("ETag")).hasValue("\"2\"");

            HttpResponse<String> shown = i % 2 == 0
                    ? http.get("accounts/" + id, "Zipper-Min-Position", String.valueOf(position))
                    : http.get("accounts/" + id + "?minPosition=" + position);
            assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
            seen.add(body(shown).getString("status"));
            assertThat(Long.parseLong(shown.headers().firstValue(POSITION).orElseThrow()))
                    .as("%s %s", shown.headers().map(), shown.body()).isGreaterThanOrEqualTo(position);
            assertThat(shown.headers().firstValue("ETag")).hasValue("\"2\"");
            assertThat(shown.headers().firstValue("Zipper-Stale")).isEmpty();
        }
        assertThat(seen).hasSize(20).containsOnly("CONFIRMED");
    }

    @Test
    void a_command_that_awaits_its_view_is_answered_once_the_view_shows_it() {
        for (int i = 0; i < 10; i++) {
            String id = body(openAccount("Awaiter " + i)).getString("id");
            HttpResponse<String> confirmed = http.post("accounts/" + id + "/confirm", null, "Zipper-Await-View", "account-view");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.headers().firstValue("Zipper-Stale")).isEmpty();
            assertThat(body(http.get("accounts/" + id)).getString("status")).isEqualTo("CONFIRMED");
        }
    }

    @Test
    void awaiting_a_view_that_does_not_exist_is_refused_before_anything_is_written() {
        String id = body(openAccount("Nowhere")).getString("id");
        HttpResponse<String> refused = http.post("accounts/" + id + "/confirm", null, "Zipper-Await-View", "no-such-view");
        assertProblem(refused, 400, "No view 'no-such-view' to await; views: account-view, order-view");
        HttpResponse<String> confirmed = http.post("accounts/" + id + "/confirm", null);
        assertThat(body(confirmed).getInt("version")).as("the refused command wrote nothing").isEqualTo(2);
    }

    @Test
    void a_list_given_the_commands_position_shows_the_write() {
        for (int i = 0; i < 5; i++) {
            String sku = "LIST-" + System.nanoTime();
            HttpResponse<String> added = http.post("products", "{\"sku\": \"" + sku
                    + "\", \"name\": \"Listed\", \"price\": 2.00, \"currency\": \"EUR\"}");
            String position = added.headers().firstValue(POSITION).orElseThrow();
            HttpResponse<String> listed = http.get("products?limit=1&after=" + sku.substring(0, sku.length() - 1) + "&minPosition="
                    + position);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(body(listed).getJsonArray("items").getJsonObject(0).getString("sku")).isEqualTo(sku);
            assertThat(Long.parseLong(listed.headers().firstValue(POSITION).orElseThrow()))
                    .isGreaterThanOrEqualTo(Long.parseLong(position));
        }
        assertThat(http.get("accounts?limit=1").headers().firstValue(POSITION)).as("every list says how far it is").isPresent();
    }

    @Test
    void a_view_that_has_not_caught_up_in_time_answers_stale_or_with_503_if_asked_to_be_strict() {
        boolean staleSeen = false;
        boolean refusalSeen = false;
        for (int i = 0; i < 20 && !(staleSeen && refusalSeen); i++) {
            String id = body(openAccount("Hasty " + i)).getString("id");
            long position = body(http.post("accounts/" + id + "/confirm", null)).getJsonNumber("position").longValue();
            boolean strict = i % 2 == 1;
            HttpResponse<String> shown = http.get("accounts/" + id + "?wait=0&minPosition=" + position
                    + (strict ? "&handling=strict" : ""));
            if (shown.statusCode() == 200 && shown.headers().firstValue("Zipper-Stale").isEmpty()) {
                assertThat(body(shown).getString("status")).as("caught up in time").isEqualTo("CONFIRMED");
            } else if (strict) {
                assertProblem(shown, 503, "has not reached position " + position);
                assertThat(shown.headers().firstValue("Retry-After")).hasValue("1");
                refusalSeen = true;
            } else if (shown.statusCode() == 200) {
                assertThat(shown.headers().firstValue("Zipper-Stale")).hasValue("true");
                assertThat(body(shown).getString("status")).isEqualTo("PENDING");
                assertThat(Long.parseLong(shown.headers().firstValue(POSITION).orElseThrow())).isLessThan(position);
                staleSeen = true;
            } else {
                // no row yet for an account the log holds: the view is behind, never a 404
                assertProblem(shown, 503, "has not reached position " + position);
                staleSeen = true;
            }
        }
        assertThat(staleSeen).as("a stale answer, marked").isTrue();
        assertThat(refusalSeen).as("a strict refusal").isTrue();
    }

    @Test
    void a_min_position_that_is_not_a_position_of_the_log_is_refused() {
        String id = body(openAccount("Future")).getString("id");
        assertProblem(http.get("accounts/" + id, "Zipper-Min-Position", "999999999999"), 400,
                "is beyond the log's last position");
        assertProblem(http.get("accounts/" + id + "?minPosition=-1"), 400, "must be a log position");
        assertProblem(http.get("accounts/" + id + "?minPosition=1&handling=maybe"), 400, "handling must be strict or lenient");
    }

    @Test
    void a_view_answers_304_to_the_etag_it_gave_until_the_aggregate_changes() {
        HttpResponse<String> opened = openAccount("Tagged");
        String id = body(opened).getString("id");
        String position = opened.headers().firstValue(POSITION).orElseThrow();
        HttpResponse<String> first = http.get("accounts/" + id, "Zipper-Min-Position", position);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"1\"");

        HttpResponse<String> unchanged = http.get("accounts/" + id, "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);

        String confirmedAt = http.post("accounts/" + id + "/confirm", null).headers().firstValue(POSITION).orElseThrow();
        HttpResponse<String> changed = http.get("accounts/" + id, "If-None-Match", etag, "Zipper-Min-Position", confirmedAt);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
    }

    @Test
    void a_command_with_if_match_runs_only_on_that_version_else_412_and_nothing_written() {
        String id = body(openAccount("Matcher")).getString("id");
        HttpResponse<String> confirmed = http.post("accounts/" + id + "/confirm", null, "If-Match", "\"1\"");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String etag = confirmed.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"2\"");

        assertProblem(http.post("accounts/" + id + "/activate", null, "If-Match", "\"1\""), 412,
                "is at version 2, not the expected 1");
        assertProblem(http.post("accounts/" + id + "/activate", null, "If-Match", "W/\"2\""), 412, "is no version");
        assertProblem(http.post("accounts/" + id + "/activate?expectedVersion=1", null), 409, "not the expected 1");

        HttpResponse<String> activated = http.post("accounts/" + id + "/activate", null, "If-Match", etag);
        assertThat(body(activated).getInt("version")).as("the refused commands wrote nothing").isEqualTo(3);
    }

    @Test
    void a_cart_shows_its_products_prices_and_its_etag_changes_with_them() {
        String sku = "RYW-" + System.nanoTime();
        assertThat(http.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Tea\", \"price\": 4.00, \"currency\": \"EUR\"}")
                .statusCode()).isEqualTo(201);
        String customer = body(openAccount("Shopper")).getString("id");
        String cart = body(http.post("carts", "{\"customerId\": \"" + customer + "\"}")).getString("id");
        String added = http.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}")
                .headers().firstValue(POSITION).orElseThrow();
        HttpResponse<String> before = http.get("carts/" + cart, "Zipper-Min-Position", added);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"2.");

        String repriced = http.post("products/" + sku + "/price", "{\"price\": 5.00}")
                .headers().firstValue(POSITION).orElseThrow();
        http.get("products/" + sku, "Zipper-Min-Position", repriced);
        HttpResponse<String> after = http.get("carts/" + cart, "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(body(after).getJsonNumber("subtotal").bigDecimalValue()).isEqualByComparingTo("5.00");
        assertThat(http.post("carts/" + cart + "/clear", null, "If-Match", after.headers().firstValue("ETag").orElseThrow())
                .statusCode()).as("the cart's own version leads its tag").isEqualTo(200);
    }

    private HttpResponse<String> openAccount(String name) {
        HttpResponse<String> opened = http.post("accounts", "{\"name\": \"" + name + "\", \"email\": \"c@example.org\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return opened;
    }

    private static JsonObject body(HttpResponse<String> response) {
        return ZipperHttp.json(response).asJsonObject();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).getString("detail")).contains(detail);
    }
}
