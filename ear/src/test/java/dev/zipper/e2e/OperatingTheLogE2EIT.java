package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operating the log over HTTP, on the deployed EAR: a customer erased reads as erased in the view, the
 * history and the state as of a version, and stays so when the view is rebuilt from the log; the rebuild's
 * progress and outcome show in GET /log beside the parked streams.
 */
@ExtendWith(ZipperServer.class)
class OperatingTheLogE2EIT {

    private static final String ERASED = "[erased]";

    ZipperHttp http;

    @BeforeEach
    void client() {
        http = new ZipperHttp(ZipperServer.WEB_MODULE);
    }

    @Test
    void an_erased_customer_stays_erased_through_a_rebuild_of_the_view() {
        String erased = account("Erin Erased", "erin@example.org");
        http.post("accounts/" + erased + "/address", "{\"line1\": \"5 Quiet Lane\", \"postalCode\": \"1000\", "
                + "\"city\": \"Brussels\", \"country\": \"BE\"}");
        String kept = account("Kim Kept", "kim@example.org");

        assertThat(http.post("accounts/" + erased + "/erase", null).statusCode()).isEqualTo(200);

        assertThat(http.post("accounts/" + erased + "/erase", null).statusCode()).as("a repeat").isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> body(http.get("accounts/" + erased)).getString("email")
                .equals(ERASED));
        assertThat(body(http.get("accounts/" + erased + "?version=2")).getJsonObject("state").getString("name")).isEqualTo(ERASED);
        String history = http.get("accounts/" + erased + "/events").body();
        assertThat(history).doesNotContain("Erin").doesNotContain("erin@").doesNotContain("Quiet Lane").contains("account.erased");

        Instant asked = Instant.now();
        assertThat(http.post("log/projections/account-view/rebuild", null).statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonObject generation = log().getJsonObject("rebuilds").getJsonObject("account-view");
            return generation.getString("state").equals("live") && generation.containsKey("finishedAt")
                    && Instant.parse(generation.getString("finishedAt")).isAfter(asked);
        });
        JsonObject view = body(http.get("accounts/" + erased));
        assertThat(view.getString("name")).isEqualTo(ERASED);
        assertThat(view.toString()).doesNotContain("Quiet Lane");
        assertThat(body(http.get("accounts/" + kept)).getString("name")).isEqualTo("Kim Kept");
        assertThat(log().getJsonArray("parked")).isEmpty();
        assertThat(http.post("log/projections/no-such-view/rebuild", null).statusCode()).isEqualTo(404);
    }

    private JsonObject log() {
        return body(http.get("log"));
    }

    private String account(String name, String email) {
        return body(http.post("accounts", "{\"name\": \"" + name + "\", \"email\": \"" + email + "\"}")).getString("id");
    }

    private static JsonObject body(HttpResponse<String> response) {
        return ZipperHttp.json(response).asJsonObject();
    }
}
