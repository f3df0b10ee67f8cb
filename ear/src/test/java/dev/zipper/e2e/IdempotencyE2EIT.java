package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key over HTTP: a retried command runs once and answers as it first did. */
@ExtendWith(ZipperServer.class)
class IdempotencyE2EIT {

    private static final String KEY = "Idempotency-Key";

    ZipperHttp http;

    @BeforeEach
    void client() {
        http = new ZipperHttp(ZipperServer.WEB_MODULE);
    }

    @Test
    void a_retry_with_the_same_key_gets_the_first_answer_and_writes_nothing() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Once\", \"email\": \"once@example.org\"}";
        HttpResponse<String> first = http.post("accounts", body, KEY, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        HttpResponse<String> retry = http.post("accounts", body, KEY, key);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");

        long next = position(http.post("accounts", "{\"name\": \"Next\", \"email\": \"next@example.org\"}"));
        assertThat(next).as("the retry appended nothing").isEqualTo(position(first) + 1);
    }

    @Test
    void the_same_key_with_another_request_is_a_422_and_writes_nothing() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = http.post("accounts", "{\"name\": \"First\", \"email\": \"f@example.org\"}", KEY, key);
        assertThat(first.statusCode()).isEqualTo(201);

        HttpResponse<String> other = http.post("accounts", "{\"name\": \"Other\", \"email\": \"o@example.org\"}", KEY, key);
        assertProblem(other, 422, "was used with another request");
        String id = body(first).getString("id");
        assertProblem(http.post("accounts/" + id + "/confirm", null, KEY, key), 422, "was used with another request");

        long next = position(http.post("accounts", "{\"name\": \"Next\", \"email\": \"next@example.org\"}"));
        assertThat(next).as("the refused requests appended nothing").isEqualTo(position(first) + 1);
    }

    @Test
    void concurrent_requests_with_one_key_run_the_command_once() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Racer\", \"email\": \"racer@example.org\"}";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(clients.submit(() -> http.post("accounts", body, KEY, key)));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : sent) {
            answers.add(answer.get(1, TimeUnit.MINUTES));
        }
        clients.shutdown();

        List<HttpResponse<String>> created = answers.stream().filter(a -> a.statusCode() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created.stream().map(HttpResponse::body).distinct()).as("one account, answered alike").hasSize(1);
        answers.stream().filter(a -> a.statusCode() != 201).forEach(a -> {
            assertProblem(a, 409, "still being answered");
            assertThat(a.headers().firstValue("Retry-After")).hasValue("1");
        });
        HttpResponse<String> later = http.post("accounts", body, KEY, key);
        assertThat(later.body()).isEqualTo(created.get(0).body());
        long next = position(http.post("accounts", "{\"name\": \"Next\", \"email\": \"next@example.org\"}"));
        assertThat(next).as("one command ran").isEqualTo(position(created.get(0)) + 1);
    }

    @Test
    void a_refused_command_is_answered_alike_when_retried() {
        String id = body(http.post("accounts", "{\"name\": \"Refused\", \"email\": \"r@example.org\"}")).getString("id");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused = http.post("accounts/" + id + "/activate", null, KEY, key);
        assertProblem(refused, 409, "Cannot activate an account that is PENDING");
        assertThat(http.post("accounts/" + id + "/confirm", null).statusCode()).isEqualTo(200);

        HttpResponse<String> retry = http.post("accounts/" + id + "/activate", null, KEY, key);
        assertThat(retry.statusCode()).as("the first answer, though the account could be activated now").isEqualTo(409);
        assertThat(retry.body()).isEqualTo(refused.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void a_key_that_is_not_visible_ascii_is_refused() {
        assertProblem(http.post("accounts", "{\"name\": \"Bad key\", \"email\": \"b@example.org\"}", KEY, "a key with spaces"),
                400, "Idempotency-Key must be 1 to 255 visible ASCII characters");
    }

    private static long position(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        return body(answer).getJsonNumber("position").longValue();
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
