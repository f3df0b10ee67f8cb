package dev.zipper.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over a thousand hostile requests against the deployed EAR: none may get a 5xx, every error must be an
 * application/problem+json body that agrees with the status, a 405 must say what is allowed, the log
 * must grow by exactly the commands that were answered 2xx, and the server log by a bounded amount.
 */
@ExtendWith(ZipperServer.class)
class HostileRequestsE2EIT {

    /** The server log may grow by this much over the whole run: a line here and there, no stack traces. */
    private static final long LOG_BUDGET_BYTES = 64 * 1024;
    private static final int ABANDONED = 20;

    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);

    @Test
    void hostile_requests_get_clean_problems_and_write_nothing_they_should_not() throws Exception {
        String account = ZipperHttp.json(http.post("accounts", "{\"name\": \"Target\", \"email\": \"t@example.org\"}"))
                .asJsonObject().getString("id");
        List<HostileRequests.Hostile> hostile = new HostileRequests(account).all();
        assertThat(hostile.size()).as("hostile requests").isGreaterThanOrEqualTo(1000);
        long headBefore = head();
        long logBefore = Files.size(ZipperServer.serverLog());

        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> commandsBy2xx = new TreeMap<>();
        List<String> opened = new ArrayList<>();
        int acceptedCommands = 0;
        SoftAssertions softly = new SoftAssertions();
        try (RawHttp raw = new RawHttp("127.0.0.1", 8080)) {
            for (HostileRequests.Hostile request : hostile) {
                RawHttp.Response response = raw.send(request.method(), request.target(), request.headers(), request.body());
                byStatus.merge(response.status(), 1, Integer::sum);
                String what = request.kind() + " (" + request.method() + " " + abbreviated(request.target()) + ")";
                check(softly, what, request, response);
                if (request.command() && response.status() / 100 == 2) {
                    acceptedCommands++;
                    commandsBy2xx.merge(request.kind(), 1, Integer::sum);
                    if (response.status() == 201) {
                        opened.add(Json.createReader(new StringReader(response.body())).readObject().getString("id"));
                    }
                }
            }
            for (int i = 0; i < ABANDONED; i++) {
                raw.abandon(HostileRequests.API + "accounts", "{\"name\": \"A".getBytes(StandardCharsets.UTF_8), 1000);
            }
        }
        // the server is still well: a good command goes through
        assertThat(http.post("accounts", "{\"name\": \"After\", \"email\": \"after@example.org\"}").statusCode()).isEqualTo(201);
        acceptedCommands++;

        long logGrowth = Files.size(ZipperServer.serverLog()) - logBefore;
        String summary = "hostile requests on " + ZipperServer.SERVER + ": " + hostile.size() + " sent (+" + ABANDONED
                + " abandoned mid-body), by status " + byStatus + "; 2xx commands " + acceptedCommands + " " + commandsBy2xx
                + "; log head +" + (head() - headBefore) + "; server log +" + logGrowth + " bytes";
        System.out.println(summary);
        Files.writeString(ZipperServer.PROJECT.resolve("ear/target/hostile-" + ZipperServer.SERVER + ".txt"), summary + "\n");

        softly.assertThat(head() - headBefore).as("log head growth = 2xx commands").isEqualTo(acceptedCommands);
        softly.assertThat(logGrowth).as("server log growth over the run").isLessThan(LOG_BUDGET_BYTES);
        softly.assertAll();
        // what was accepted is stored as accepted: every account it opened reaches the read side
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(opened)
                .allSatisfy(id -> assertThat(http.get("accounts/" + id).statusCode()).as(id).isEqualTo(200)));
    }

    private static void check(SoftAssertions softly, String what, HostileRequests.Hostile request, RawHttp.Response response) {
        softly.assertThat(response.status()).as(what + " answered: " + response.body()).isBetween(200, 499);
        if (request.expected() != 0) {
            softly.assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(request.expected());
        }
        if (response.status() >= 400 && !request.serverOwned()) {
            softly.assertThat(response.header("Content-Type")).as(what + " content type").isEqualTo("application/problem+json");
            try {
                JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
                softly.assertThat(problem.getInt("status")).as(what + " problem status").isEqualTo(response.status());
                softly.assertThat(problem.getString("type")).as(what + " problem type").startsWith("tag:zipper.dev,2026:problem:");
                softly.assertThat(problem.getString("detail")).as(what + " detail").doesNotContainIgnoringCase("resteasy")
                        .doesNotContain("Exception").doesNotContain("http://");
            } catch (RuntimeException e) {
                softly.fail(what + ": not a problem body: " + response.body());
            }
        }
        if (response.status() == 401) {
            softly.assertThat(response.header("WWW-Authenticate")).as(what + " WWW-Authenticate").startsWith("Bearer realm=\"zipper\"");
        }
        if (response.status() == 405) {
            softly.assertThat(response.header("Allow")).as(what + " Allow").isNotBlank();
        }
    }

    private long head() {
        return ZipperHttp.json(http.get("log")).asJsonObject().getJsonNumber("head").longValue();
    }

    private static String abbreviated(String target) {
        return target.length() > 80 ? target.substring(0, 80) + "..." : target;
    }
}
