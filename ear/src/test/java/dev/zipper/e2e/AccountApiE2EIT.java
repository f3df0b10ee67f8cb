package dev.zipper.e2e;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The account API over HTTP against zipper.ear exactly as built, on the server -Dzipper.server names. */
@ExtendWith(ZipperServer.class)
class AccountApiE2EIT {

    ZipperHttp http;

    @BeforeEach
    void client() {
        http = new ZipperHttp(ZipperServer.WEB_MODULE);
    }

    @Test
    void an_account_goes_through_its_whole_life_cycle() {
        HttpResponse<String> created = http.post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject body = ZipperHttp.json(created).asJsonObject();
        String id = body.getString("id");
        assertThat(body.getInt("version")).isEqualTo(1);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/accounts/" + id));

        long position = body.getJsonNumber("position").longValue();
        int version = 1;
        for (String action : new String[] {"confirm", "activate", "suspend", "reactivate"}) {
            HttpResponse<String> done = http.post("accounts/" + id + "/" + action, null);
            assertThat(done.statusCode()).as(action).isEqualTo(200);
            JsonObject result = ZipperHttp.json(done).asJsonObject();
            assertThat(result.getInt("version")).as(action).isEqualTo(++version);
            assertThat(result.getJsonNumber("position").longValue()).as(action).isGreaterThan(position);
            position = result.getJsonNumber("position").longValue();
        }

        JsonObject view = awaitView(id, 5);
        assertThat(view.getString("status")).isEqualTo("ACTIVE");
        assertThat(view.getString("name")).isEqualTo("Ada");
        assertThat(view.getString("email")).isEqualTo("ada@example.org");
        assertThat(idsOf("accounts?status=ACTIVE")).contains(id);

        assertThat(http.post("accounts/" + id + "/archive", null).statusCode()).isEqualTo(200);
        assertThat(awaitView(id, 6).getString("status")).isEqualTo("ARCHIVED");
        assertThat(idsOf("accounts?status=ARCHIVED")).contains(id);
        assertThat(idsOf("accounts?status=ACTIVE")).doesNotContain(id);
    }

    @ParameterizedTest(name = "{0} -> 400")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"Ada\"}                                 | email must not be blank",
            "{\"name\": \"Ada\", \"email\": \"ada@example.org\"  | Malformed JSON",
            "[\"Ada\", \"ada@example.org\"]                      | must be a JSON object",
            "{\"email\": \"ada@example.org\"}                    | name must not be blank",
            "{\"name\": \"  \", \"email\": \"ada@example.org\"}  | name must not be blank",
            "{\"name\": \"Ada\", \"email\": \"\"}                | email must not be blank",
            "{\"name\": 42, \"email\": \"ada@example.org\"}      | name must be a string",
            "{\"name\": \"Ada\", \"email\": \"not-an-address\"}  | email must look like"})
    void a_bad_open_request_is_a_400_problem_and_writes_nothing(String json, String detail) {
        long before = open("Before", "before@example.org").getJsonNumber("position").longValue();

        HttpResponse<String> refused = http.post("accounts", json.strip());

        assertProblem(refused, 400, detail);
        long after = open("After", "after@example.org").getJsonNumber("position").longValue();
        assertThat(after).as("nothing was appended in between").isEqualTo(before + 1);
    }

    @Test
    void a_shipping_address_is_set_shown_and_checked() {
        String id = open("Ship", "ship@example.org").getString("id");
        HttpResponse<String> set = http.post("accounts/" + id + "/address",
                "{\"line1\": \"12 Rue de la Paix\", \"postalCode\": \"75002\", \"city\": \"Paris\", \"country\": \"FR\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonObject address = awaitView(id, 2).getJsonObject("shippingAddress");
        assertThat(address.getString("city")).isEqualTo("Paris");
        assertThat(address.getString("country")).isEqualTo("FR");
        assertThat(address.containsKey("line2")).isFalse();

        assertProblem(http.post("accounts/" + id + "/address",
                "{\"line1\": \"1 Main St\", \"postalCode\": \"1000\", \"city\": \"Brussels\", \"country\": \"XX\"}"),
                400, "country must be an ISO 3166 alpha-2 code");
        assertProblem(http.post("accounts/" + id + "/address", "{\"line1\": \"1 Main St\", \"city\": \"Brussels\", "
                + "\"country\": \"BE\"}"), 400, "postalCode must not be blank");
        assertThat(awaitView(id, 2).getJsonObject("shippingAddress").getString("city")).as("nothing written").isEqualTo("Paris");
    }

    @Test
    void an_illegal_transition_is_a_409_problem_and_writes_nothing() {
        String id = open("Bob", "bob@example.org").getString("id");

        assertProblem(http.post("accounts/" + id + "/activate", null), 409, "Cannot activate an account that is PENDING");
        assertProblem(http.post("accounts/" + id + "/archive", null), 409, "Cannot archive an account that is PENDING");

        HttpResponse<String> confirmed = http.post("accounts/" + id + "/confirm", null);
        assertThat(ZipperHttp.json(confirmed).asJsonObject().getInt("version")).as("no event was written").isEqualTo(2);
    }

    @Test
    void a_stale_expected_version_is_a_409_problem_and_writes_nothing() {
        String id = open("Carol", "carol@example.org").getString("id");
        assertThat(http.post("accounts/" + id + "/confirm?expectedVersion=1", null).statusCode()).isEqualTo(200);

        assertProblem(http.post("accounts/" + id + "/activate?expectedVersion=1", null), 409,
                "is at version 2, not the expected 1");

        HttpResponse<String> activated = http.post("accounts/" + id + "/activate?expectedVersion=2", null);
        assertThat(ZipperHttp.json(activated).asJsonObject().getInt("version")).as("no event was written").isEqualTo(3);
    }

    @Test
    void concurrent_commands_without_an_expected_version_are_retried_not_refused_as_conflicts() throws Exception {
        String id = open("Dan", "dan@example.org").getString("id");
        http.post("accounts/" + id + "/confirm", null);
        http.post("accounts/" + id + "/activate", null);

        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> http.post("accounts/" + id + "/suspend", null)));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            responses.add(answer.get(1, TimeUnit.MINUTES));
        }
        clients.shutdown();

        // one suspends; the others, retried against the suspended account, are refused by the account itself
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200).allSatisfy(r ->
                assertProblem(r, 409, "Cannot suspend an account that is SUSPENDED"));
        assertThat(awaitView(id, 4).getString("status")).isEqualTo("SUSPENDED");
    }

    @Test
    void the_answer_carries_the_correlation_id_back_and_one_that_is_not_a_uuid_is_refused() {
        String correlation = "6f1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        HttpResponse<String> created = http.post("accounts", "{\"name\": \"Corr\", \"email\": \"corr@example.org\"}",
                "X-Correlation-ID", correlation);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-ID")).hasValue(correlation);
        assertThat(http.get("log").headers().firstValue("X-Correlation-ID")).as("one is made when none is sent")
                .hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());

        long before = open("Before", "before@example.org").getJsonNumber("position").longValue();
        assertProblem(http.post("accounts", "{\"name\": \"Corr\", \"email\": \"corr@example.org\"}",
                "X-Correlation-ID", "not-a-uuid"), 400, "X-Correlation-ID must be a UUID");
        assertThat(open("After", "after@example.org").getJsonNumber("position").longValue()).isEqualTo(before + 1);
    }

    @Test
    void an_unknown_account_or_action_is_a_404_problem() {
        assertProblem(http.post("accounts/no-such-account/confirm", null), 404, "No account with id no-such-account");
        assertProblem(http.get("accounts/no-such-account"), 404, "No account with id no-such-account");

        String id = open("Eve", "eve@example.org").getString("id");
        assertProblem(http.post("accounts/" + id + "/promote", null), 404, "No action 'promote'");
    }

    @Test
    void an_unknown_status_filter_or_a_bad_page_size_is_a_400_problem() {
        assertProblem(http.get("accounts?status=HAPPY"), 400, "status must be one of");
        assertProblem(http.get("accounts?limit=0"), 400, "limit must be a whole number from 1 to 500");
        assertProblem(http.get("accounts?limit=501"), 400, "limit must be a whole number from 1 to 500");
    }

    @Test
    void lists_come_in_pages_in_id_order_and_next_walks_them_all() {
        List<String> opened = IntStream.range(0, 5).mapToObj(i -> open("Page " + i, "page" + i + "@example.org").getString("id"))
                .sorted().toList();
        opened.forEach(id -> awaitView(id, 1));

        List<String> walked = new ArrayList<>();
        String page = "accounts?limit=2&after=" + opened.get(0).substring(0, opened.get(0).length() - 1);
        while (!walked.contains(opened.get(opened.size() - 1))) { // other tests' accounts may come in between
            JsonObject body = ZipperHttp.json(http.get(page)).asJsonObject();
            assertThat(body.getJsonArray("items")).hasSizeLessThanOrEqualTo(2);
            body.getJsonArray("items").forEach(item -> walked.add(item.asJsonObject().getString("id")));
            page = body.getString("next", null);
        }
        assertThat(walked).as("ids ascending across pages, none skipped or repeated").isSortedAccordingTo(String::compareTo)
                .doesNotHaveDuplicates().containsAll(opened);
        assertThat(http.get("accounts").statusCode()).as("the address run.sh prints").isEqualTo(200);
    }

    private JsonObject open(String name, String email) {
        HttpResponse<String> created = http.post("accounts",
                "{\"name\": \"" + name + "\", \"email\": \"" + email + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ZipperHttp.json(created).asJsonObject();
    }

    /** The read side is eventually consistent: poll until the view has caught up with this version. */
    private JsonObject awaitView(String id, int version) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = http.get("accounts/" + id);
                    return response.statusCode() == 200 ? ZipperHttp.json(response).asJsonObject() : null;
                }, view -> view != null && view.getInt("version") == version);
    }

    /** Every id in the list at {@code path}, page after page, following each page's next link. */
    private List<String> idsOf(String path) {
        List<String> ids = new ArrayList<>();
        String page = path + (path.contains("?") ? "&" : "?") + "limit=500";
        while (page != null) {
            HttpResponse<String> list = http.get(page);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JsonObject body = ZipperHttp.json(list).asJsonObject();
            body.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(o -> ids.add(o.getString("id")));
            page = body.containsKey("next") ? body.getString("next") : null;
            if (page != null) {
                assertThat(list.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\""));
            }
        }
        return ids;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = ZipperHttp.json(response).asJsonObject();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).contains(detail);
    }
}
