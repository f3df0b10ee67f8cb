package dev.zipper.e2e;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator reads, on the server -Dzipper.server names: health, metrics, the OpenAPI document. */
@ExtendWith(ZipperServer.class)
class OperationsE2EIT {

    private static final String CONFIRMED = commands("Confirm", "accepted");
    private static final String CONFIRM_REFUSED = commands("Confirm", "rejected");

    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);

    @Test
    void readiness_checks_the_database_the_broker_the_relay_and_the_projections_lag_and_liveness_the_relay_loop() {
        JsonObject ready = check("ready");
        assertThat(ready.getString("status")).as(ready.toString()).isEqualTo("UP");
        JsonObject zipper = zipperCheck(ready, "zipper-ready");
        assertThat(zipper.getJsonObject("data").getString("database")).startsWith("UP: log head at position");
        assertThat(zipper.getJsonObject("data").getString("broker")).isEqualTo("UP: connected");
        assertThat(zipper.getJsonObject("data").getString("relay")).startsWith("UP: published up to position");
        assertThat(zipper.getJsonObject("data").getString("projections")).matches("UP: account-view \\d+ events behind \\(.*s\\)");
        assertThat(zipper.getJsonObject("data").getString("rebuilds")).isEqualTo("UP: none under way");

        JsonObject live = check("live");
        assertThat(zipperCheck(live, "zipper-live").getJsonObject("data").getString("relay-loop")).isEqualTo("UP: running");
    }

    @Test
    void metrics_count_commands_by_outcome_and_follow_the_log() {
        String id = ZipperHttp.json(http.post("accounts", "{\"name\": \"Metered\", \"email\": \"m@example.org\"}"))
                .asJsonObject().getString("id");
        double accepted = metric(metrics(), CONFIRMED);
        double rejected = metric(metrics(), CONFIRM_REFUSED);

        assertThat(http.post("accounts/" + id + "/confirm", null).statusCode()).isEqualTo(200);
        assertThat(http.post("accounts/" + id + "/confirm", null).statusCode()).isEqualTo(409);

        String after = metrics();
        assertThat(metric(after, CONFIRMED)).isEqualTo(accepted + 1);
        assertThat(metric(after, CONFIRM_REFUSED)).isEqualTo(rejected + 1);
        long head = ZipperHttp.json(http.get("log")).asJsonObject().getJsonNumber("head").longValue();
        assertThat(metric(after, "zipper_log_head_position{application=\"zipper\"}")).isEqualTo(head);
        assertThat(after).contains("zipper_relay_published_position", "zipper_relay_lag_events",
                "zipper_projection_events_applied_total{application=\"zipper\",projection=\"account-view\"}",
                "zipper_projection_lag_events{application=\"zipper\",projection=\"account-view\"}");
    }

    @Test
    void the_log_shows_each_projections_applied_position_and_lag_which_closes_once_it_has_caught_up() {
        long position = ZipperHttp.json(http.post("accounts", "{\"name\": \"Lagging\", \"email\": \"l@example.org\"}"))
                .asJsonObject().getJsonNumber("position").longValue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonObject log = ZipperHttp.json(http.get("log")).asJsonObject();
            JsonObject view = log.getJsonObject("projections").getJsonObject("account-view");
            assertThat(view.getJsonNumber("lag").longValue()).isZero();
            assertThat(view.getJsonNumber("appliedPosition").longValue()).isGreaterThanOrEqualTo(position)
                    .isLessThanOrEqualTo(log.getJsonNumber("head").longValue());
        });
    }

    /**
     * The API's contract: valid OpenAPI 3.0 by a real validator, exact about what each operation takes and
     * answers, and the same on every server (each run keeps its copy; a run after another compares them).
     */
    @Test
    void the_openapi_document_is_valid_and_the_same_on_every_server() throws Exception {
        HttpResponse<String> document = http.get("openapi");
        assertThat(document.statusCode()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body(), null, null);
        assertThat(parsed.getMessages()).as("the validator's findings").isEmpty();

        JsonObject api = ZipperHttp.json(document).asJsonObject();
        assertThat(api.getString("openapi")).isEqualTo("3.0.3");
        JsonObject paths = api.getJsonObject("paths");
        assertThat(paths.keySet()).contains("/accounts", "/accounts/{id}", "/accounts/{id}/confirm", "/accounts/{id}/events",
                "/accounts/{id}/orders", "/carts/{id}/checkout", "/carts/{id}/items/{sku}/remove", "/orders/{id}/timeline",
                "/products", "/payments/{id}", "/sales/daily", "/log", "/events");
        assertThat(refs(paths.getJsonObject("/accounts/{id}").getJsonObject("get"))).contains(
                "#/components/parameters/If-None-Match", "#/components/parameters/Zipper-Min-Position");
        JsonObject confirm = paths.getJsonObject("/accounts/{id}/confirm").getJsonObject("post");
        assertThat(confirm.containsKey("requestBody")).as("confirm takes no body").isFalse();
        assertThat(refs(confirm)).contains("#/components/parameters/If-Match", "#/components/parameters/Idempotency-Key");
        assertThat(confirm.getJsonObject("responses").keySet()).contains("200", "400", "404", "409", "412", "413", "415",
                "422", "503");
        JsonObject open = paths.getJsonObject("/accounts").getJsonObject("post").getJsonObject("requestBody");
        assertThat(open.getBoolean("required")).isTrue();
        assertThat(open.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
                .getJsonArray("required").getValuesAs(JsonString::getString)).containsExactly("name", "email");
        JsonObject checkout = paths.getJsonObject("/carts/{id}/checkout").getJsonObject("post").getJsonObject("requestBody");
        assertThat(checkout.getBoolean("required")).as("the card may be left out").isFalse();

        Path copy = ZipperServer.PROJECT.resolve("ear/target/openapi-" + ZipperServer.SERVER + ".json");
        Files.writeString(copy, document.body());
        try (var others = Files.list(copy.getParent())) {
            for (Path other : others.filter(p -> p.getFileName().toString().matches("openapi-.*\\.json")).toList()) {
                assertThat(document.body()).as("the same as " + other.getFileName()).isEqualTo(Files.readString(other));
            }
        }
    }

    /** The event catalogue the build wrote: served to anyone, the same file on every server. */
    @Test
    void the_event_catalogue_is_served_and_the_same_on_every_server() throws Exception {
        HttpResponse<String> document = http.get("asyncapi");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonObject catalogue = ZipperHttp.json(document).asJsonObject();
        assertThat(catalogue.getString("asyncapi")).isEqualTo("3.0.0");
        assertThat(catalogue.getJsonObject("components").getJsonObject("messages").keySet()).contains("account.opened.v1",
                "cart.checked-out.v1", "order.placed.v1", "payment.authorised.v1", "product.reserved.v1",
                "fulfilment.started.v1", "process.consumed.v1", "account.shipping-address-set.v1");

        Path copy = ZipperServer.PROJECT.resolve("ear/target/asyncapi-" + ZipperServer.SERVER + ".json");
        Files.writeString(copy, document.body());
        try (var others = Files.list(copy.getParent())) {
            for (Path other : others.filter(p -> p.getFileName().toString().matches("asyncapi-.*\\.json")).toList()) {
                assertThat(document.body()).as("the same as " + other.getFileName()).isEqualTo(Files.readString(other));
            }
        }
    }

    private static List<String> refs(JsonObject operation) {
        return operation.getJsonArray("parameters").stream().map(p -> p.asJsonObject().getString("$ref", "")).toList();
    }

    private JsonObject check(String kind) {
        HttpResponse<String> response = http.get(ZipperServer.HEALTH.resolve(kind).toString());
        return ZipperHttp.json(response).asJsonObject();
    }

    private static JsonObject zipperCheck(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private String metrics() {
        HttpResponse<String> response = http.get(URI.create(ZipperServer.WEB_MODULE.toString()).resolve("metrics").toString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return response.body();
    }

    private static String commands(String command, String outcome) {
        return "zipper_commands_seconds_count{aggregate=\"account\",application=\"zipper\",command=\"" + command
                + "\",outcome=\"" + outcome + "\"}";
    }

    private static double metric(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .orElse(0.0);
    }
}
