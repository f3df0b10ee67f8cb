package dev.zipper.e2e;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The online store over HTTP against zipper.ear as built: a shopper's journey and every way an order ends. */
@ExtendWith(ZipperServer.class)
class StoreE2EIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    ZipperHttp http;

    @BeforeEach
    void client() {
        http = new ZipperHttp(ZipperServer.WEB_MODULE);
    }

    @Test
    void a_shopper_checks_out_and_the_order_succeeds_ships_and_shows_in_history_timeline_and_sales() {
        String sku = product("12.50", 5);
        String customer = activeCustomer();
        String cart = cart(customer);
        assertThat(http.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 2}").statusCode()).isEqualTo(200);
        // a cart is folded from its stream when it is read: the command shows at once, no wait
        JsonObject shown = ZipperHttp.json(http.get("carts/" + cart)).asJsonObject();
        assertThat(shown.getJsonArray("lines")).hasSize(1);
        assertThat(shown.getJsonNumber("subtotal").bigDecimalValue()).isEqualByComparingTo("25.00");
        assertThat(shown.getString("status")).isEqualTo("OPEN");
        assertThat(ZipperHttp.json(http.get("carts/" + cart + "?version=1")).asJsonObject().getJsonObject("state")
                .getJsonObject("lines")).as("the cart as it was opened").isEmpty();

        HttpResponse<String> checkedOut = http.post("carts/" + cart + "/checkout", null);
        assertThat(checkedOut.statusCode()).as(checkedOut.body()).isEqualTo(201);
        String order = ZipperHttp.json(checkedOut).asJsonObject().getString("orderId");
        assertThat(checkedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/orders/" + order));

        JsonObject succeeded = awaitOrder(order, "SUCCEEDED");
        // 25.00 + 4.95 shipping (under 50.00), 20 % tax on both: 5.99
        assertThat(succeeded.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("35.94");
        assertThat(succeeded.getJsonObject("payment").getString("status")).isEqualTo("AUTHORISED");
        assertThat(succeeded.getJsonObject("payment").getString("card")).isEqualTo("**** 4242");
        assertStock(sku, 3, 2, 0);
        assertThat(ids(http.get("accounts/" + customer + "/orders"))).containsExactly(order);
        JsonObject checkedOutCart = ZipperHttp.json(http.get("carts/" + cart)).asJsonObject();
        assertThat(checkedOutCart.getString("status")).isEqualTo("CHECKED_OUT");
        assertThat(checkedOutCart.getString("orderId")).isEqualTo(order);

        List<String> timeline = ZipperHttp.json(http.get("orders/" + order + "/timeline")).asJsonObject().getJsonArray("events")
                .stream().map(e -> e.asJsonObject().getString("type")).toList();
        assertThat(timeline).containsSubsequence("cart.checked-out", "order.placed", "product.reserved",
                "payment.requested", "payment.authorised", "order.succeeded");

        JsonObject today = ZipperHttp.json(http.get("sales/daily")).asJsonObject().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(d -> d.getString("day").equals(LocalDate.now(ZoneOffset.UTC).toString()))
                .findFirst().orElseThrow();
        assertThat(today.getJsonNumber("revenue").bigDecimalValue()).isGreaterThanOrEqualTo(succeeded.getJsonNumber("total").bigDecimalValue());
        assertThat(ZipperHttp.json(http.get("sales/top-products?limit=100")).asJsonObject().getJsonArray("items").stream()
                .map(p -> p.asJsonObject().getString("sku"))).contains(sku);

        assertThat(http.post("orders/" + order + "/ship", null).statusCode()).isEqualTo(200);
        awaitOrder(order, "SHIPPED");
        await(() -> http.get("products/" + sku), p -> p.getInt("shipped") == 2);
        assertStock(sku, 3, 0, 2);
        assertThat(http.post("orders/" + order + "/deliver", null).statusCode()).isEqualTo(200);
        awaitOrder(order, "DELIVERED");
    }

    @Test
    void a_declined_card_fails_the_order_and_gives_its_stock_back() {
        String sku = product("3.00", 4);
        String order = checkOut(activeCustomer(), sku, 3, "4000 0000 0000 0002");

        JsonObject failed = awaitOrder(order, "FAILED");
        assertThat(failed.getString("reason")).isEqualTo("payment declined: card declined");
        assertThat(failed.getJsonObject("payment").getString("status")).isEqualTo("DECLINED");
        await(() -> http.get("products/" + sku), p -> p.getInt("reserved") == 0);
        assertStock(sku, 4, 0, 0);
    }

    @Test
    void a_payment_that_never_answers_times_out_and_fails_the_order() {
        String sku = product("3.00", 1);
        String order = checkOut(activeCustomer(), sku, 1, "4000000000000119");

        assertThat(awaitOrder(order, "FAILED").getString("reason")).isEqualTo("payment timed out");
        assertThat(ZipperHttp.json(http.get("payments/" + order)).asJsonObject().getString("status")).isEqualTo("TIMED_OUT");
        await(() -> http.get("products/" + sku), p -> p.getInt("available") == 1);

        List<JsonObject> events = ZipperHttp.json(http.get("payments/" + order + "/events")).asJsonObject().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(events).extracting(e -> e.getString("type"))
                .containsExactly("payment.requested", "payment.submitted", "payment.timed-out");
        Duration waited = Duration.between(Instant.parse(events.get(1).getString("recordedAt")),
                Instant.parse(events.get(2).getString("recordedAt")));
        // never before the configured 5 s from the gateway's call; after it, within a sweep (2 s apart) and its run
        assertThat(waited).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(9));
    }

    @Test
    void an_order_for_more_than_is_in_stock_fails_and_holds_nothing() {
        String plenty = product("1.00", 10);
        String scarce = product("1.00", 1);
        String customer = activeCustomer();
        String cart = cart(customer);
        http.post("carts/" + cart + "/items", "{\"sku\": \"" + plenty + "\", \"quantity\": 2}");
        http.post("carts/" + cart + "/items", "{\"sku\": \"" + scarce + "\", \"quantity\": 2}");
        String order = ZipperHttp.json(http.post("carts/" + cart + "/checkout", null)).asJsonObject().getString("orderId");

        assertThat(awaitOrder(order, "FAILED").getString("reason")).isEqualTo(scarce + ": 2 wanted, 1 available");
        await(() -> http.get("products/" + plenty), p -> p.getInt("available") == 10);
        assertStock(plenty, 10, 0, 0);
        assertStock(scarce, 1, 0, 0);
        assertThat(http.get("payments/" + order).statusCode()).as("no payment was asked for").isEqualTo(404);
    }

    @Test
    void cancelling_a_paid_order_refunds_it_and_gives_its_stock_back() {
        String sku = product("20.00", 2);
        String order = checkOut(activeCustomer(), sku, 2, null);
        awaitOrder(order, "SUCCEEDED");

        assertThat(http.post("orders/" + order + "/cancel", "{\"reason\": \"changed my mind\"}").statusCode()).isEqualTo(200);

        JsonObject cancelled = await(() -> http.get("orders/" + order),
                o -> o.getString("status").equals("CANCELLED") && o.getJsonObject("payment").getString("status").equals("REFUNDED"));
        assertThat(cancelled.getString("reason")).isEqualTo("changed my mind");
        await(() -> http.get("products/" + sku), p -> p.getInt("available") == 2);
        assertProblem(http.post("orders/" + order + "/ship", null), 409, "Cannot ship an order that is CANCELLED");
    }

    @Test
    void a_hundred_concurrent_checkouts_of_one_unit_against_ten_in_stock_sell_exactly_ten() throws Exception {
        String sku = product("5.00", 10);
        String customer = activeCustomer();
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String cart = cart(customer);
            assertThat(http.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}").statusCode()).isEqualTo(200);
            carts.add(cart);
        }

        ExecutorService shoppers = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        carts.forEach(cart -> answers.add(shoppers.submit(() -> http.post("carts/" + cart + "/checkout", null))));
        List<String> orders = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            orders.add(ZipperHttp.json(response).asJsonObject().getString("orderId"));
        }
        shoppers.shutdown();

        List<String> ends = new ArrayList<>();
        for (String order : orders) {
            ends.add(await(() -> http.get("orders/" + order), o -> FINAL.contains(o.getString("status")), Duration.ofMinutes(3))
                    .getString("status"));
        }
        assertThat(ends).filteredOn("SUCCEEDED"::equals).hasSize(10);
        assertThat(ends).filteredOn("FAILED"::equals).hasSize(90);
        await(() -> http.get("products/" + sku), p -> p.getInt("reserved") == 10);
        assertStock(sku, 0, 10, 0);
    }

    @Test
    void bad_requests_are_problems_and_write_nothing() {
        String sku = product("2.00", 1);
        String customer = activeCustomer();
        String cart = cart(customer);
        long head = head();

        assertProblem(http.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Again\", \"price\": 1, \"currency\": \"EUR\"}"),
                409, "already exists");
        assertProblem(http.post("products", "{\"sku\": \"x-" + sku + "\", \"name\": \"Free\", \"price\": 0, \"currency\": \"EUR\"}"),
                400, "price must be more than zero");
        assertProblem(http.post("products", "{\"sku\": \"x-" + sku + "\", \"name\": \"No price\", \"currency\": \"EUR\"}"),
                400, "price is required");
        assertProblem(http.post("products", "{\"sku\": \"x-" + sku + "\", \"name\": \"Cents\", \"price\": 1.001, \"currency\": \"EUR\"}"),
                400, "EUR has 2 decimal places");
        assertProblem(http.post("products", "{\"sku\": \"bad sku\", \"name\": \"Space\", \"price\": 1, \"currency\": \"EUR\"}"),
                400, "sku must be");
        assertProblem(http.post("products/" + sku + "/stock", "{\"quantity\": 0}"), 400, "quantity must be at least 1");
        assertProblem(http.post("products/" + sku + "/stock", "{\"quantity\": 1.5}"), 400, "quantity must be a whole number");
        assertProblem(http.post("products/no-such-sku/stock", "{\"quantity\": 1}"), 404, "No product with id no-such-sku");
        assertProblem(http.post("carts", "{\"customerId\": \"nobody\"}"), 400, "No account with id nobody");
        assertProblem(http.post("carts/" + cart + "/items", "{\"sku\": \"no-such-sku\", \"quantity\": 1}"), 400,
                "No product with sku no-such-sku");
        assertProblem(http.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": -1}"), 400,
                "quantity must be 1 to 100000");
        assertProblem(http.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1"), 400, "Malformed JSON");
        assertProblem(http.post("carts/no-such-cart/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}"), 404,
                "No cart with id no-such-cart");
        assertProblem(http.post("carts/" + cart + "/checkout", null), 409, "An empty cart cannot be checked out");
        assertProblem(http.post("carts/" + cart + "/checkout", "{\"card\": \"4242424242424241\"}"), 400, "Luhn");
        assertProblem(http.get("orders/no-such-order"), 404, "No order with id no-such-order");
        assertProblem(http.get("sales/daily?from=yesterday"), 400, "from must be a day");
        assertThat(head()).as("nothing was appended").isEqualTo(head);

        String suspended = activeCustomer();
        http.post("accounts/" + suspended + "/suspend", null);
        String theirs = cart(suspended);
        http.post("carts/" + theirs + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}");
        assertProblem(http.post("carts/" + theirs + "/checkout", null), 409, "Only an ACTIVE account may order");
    }

    private String product(String price, int stock) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> added = http.post("products",
                "{\"sku\": \"" + sku + "\", \"name\": \"Product " + sku + "\", \"price\": " + price + ", \"currency\": \"EUR\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(http.post("products/" + sku + "/stock", "{\"quantity\": " + stock + "}").statusCode()).isEqualTo(200);
        await(() -> http.get("products/" + sku), p -> p.getInt("received") == stock);
        return sku;
    }

    private String activeCustomer() {
        HttpResponse<String> opened = http.post("accounts", "{\"name\": \"Shopper\", \"email\": \"shopper@example.org\"}");
        String id = ZipperHttp.json(opened).asJsonObject().getString("id");
        assertThat(http.post("accounts/" + id + "/confirm", null).statusCode()).isEqualTo(200);
        assertThat(http.post("accounts/" + id + "/activate", null).statusCode()).isEqualTo(200);
        return id;
    }

    private String cart(String customer) {
        HttpResponse<String> opened = http.post("carts", "{\"customerId\": \"" + customer + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return ZipperHttp.json(opened).asJsonObject().getString("id");
    }

    private String checkOut(String customer, String sku, int quantity, String card) {
        String cart = cart(customer);
        assertThat(http.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> checkedOut = http.post("carts/" + cart + "/checkout", card == null ? null : "{\"card\": \"" + card + "\"}");
        assertThat(checkedOut.statusCode()).as(checkedOut.body()).isEqualTo(201);
        return ZipperHttp.json(checkedOut).asJsonObject().getString("orderId");
    }

    private JsonObject awaitOrder(String order, String status) {
        return await(() -> http.get("orders/" + order), o -> o.getString("status").equals(status));
    }

    private void assertStock(String sku, int available, int reserved, int shipped) {
        JsonObject product = ZipperHttp.json(http.get("products/" + sku)).asJsonObject();
        assertThat(List.of(product.getInt("available"), product.getInt("reserved"), product.getInt("shipped")))
                .as("available, reserved, shipped of " + sku).containsExactly(available, reserved, shipped);
        assertThat(product.getInt("received")).isEqualTo(available + reserved + shipped);
    }

    private long head() {
        return ZipperHttp.json(http.get("log")).asJsonObject().getJsonNumber("head").longValue();
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return ZipperHttp.json(page).asJsonObject().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("id")).toList();
    }

    private static JsonObject await(Supplier<HttpResponse<String>> get, Predicate<JsonObject> until) {
        return await(get, until, Duration.ofSeconds(30));
    }

    /** The read side is eventually consistent: poll until the view shows what is awaited. */
    private static JsonObject await(Supplier<HttpResponse<String>> get, Predicate<JsonObject> until,
                                    Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = get.get();
                    return response.statusCode() == 200 ? ZipperHttp.json(response).asJsonObject() : null;
                }, view -> view != null && until.test(view));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ZipperHttp.json(response).asJsonObject().getString("detail")).contains(detail);
    }
}
