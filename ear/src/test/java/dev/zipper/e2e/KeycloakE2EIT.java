package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store driven with tokens from a real identity provider: Keycloak with the realm of
 * ear/src/main/keycloak, its token endpoint asked for a customer's, another customer's, a staff member's
 * and an operator's (-Dzipper.identity=keycloak: the server trusts Keycloak's keys, issuer and audience).
 */
@ExtendWith(ZipperServer.class)
class KeycloakE2EIT {

    private final ZipperHttp anonymous = new ZipperHttp(ZipperServer.WEB_MODULE).as(null);

    @Test
    void customers_staff_and_operators_with_keycloak_tokens_each_do_their_part_and_no_more() {
        String adaToken = token("ada");
        ZipperHttp ada = anonymous.as(adaToken);
        ZipperHttp bob = anonymous.as(token("bob"));
        ZipperHttp sam = anonymous.as(token("sam"));
        ZipperHttp olga = anonymous.as(token("olga"));
        String sku = "KC-" + System.nanoTime();

        assertThat(sam.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Tea\", \"price\": 4.00, \"currency\": \"EUR\"}")
                .statusCode()).isEqualTo(201);
        assertThat(sam.post("products/" + sku + "/stock", "{\"quantity\": 3}").statusCode()).isEqualTo(200);
        assertThat(olga.post("products/" + sku + "/stock", "{\"quantity\": 3}").statusCode()).isEqualTo(403);

        String subject = claims(adaToken).getString("sub");
        int opened = ada.post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}").statusCode();
        assertThat(opened).as("once per Keycloak realm: a second run finds it").isIn(201, 409);
        String account = subject;
        ada.post("accounts/" + account + "/confirm", null);
        ada.post("accounts/" + account + "/activate", null);
        String cart = ZipperHttp.json(ada.post("carts", "{\"customerId\": \"" + account + "\"}")).asJsonObject().getString("id");
        assertThat(ada.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}").statusCode()).isEqualTo(200);
        String order = ZipperHttp.json(ada.post("carts/" + cart + "/checkout", null)).asJsonObject().getString("orderId");
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.get("orders/" + order).statusCode() == 200
                && ZipperHttp.json(ada.get("orders/" + order)).asJsonObject().getString("status").equals("SUCCEEDED"));

        assertThat(bob.get("orders/" + order).statusCode()).as("another customer's order").isEqualTo(404);
        assertThat(bob.get("accounts/" + account).statusCode()).isEqualTo(404);
        assertThat(sam.get("orders/" + order).statusCode()).isEqualTo(200);
        assertThat(olga.get("log").statusCode()).isEqualTo(200);
        assertThat(ada.get("log").statusCode()).isEqualTo(403);
        assertThat(anonymous.get("orders/" + order).statusCode()).isEqualTo(401);

        JsonObject placed = ZipperHttp.json(ada.get("orders/" + order + "/timeline")).asJsonObject().getJsonArray("events")
                .stream().map(e -> e.asJsonObject()).filter(e -> e.getString("type").equals("cart.checked-out"))
                .findFirst().orElseThrow();
        assertThat(placed.getJsonObject("actor").getString("subject")).isEqualTo(subject);
        assertThat(placed.getJsonObject("actor").getJsonArray("roles").getString(0)).isEqualTo("customer");
        assertThat(placed.toString()).as("never the token").doesNotContain(adaToken.substring(0, 40));
    }

    private static String token(String user) {
        try {
            Process process = new ProcessBuilder(List.of(ZipperServer.PROJECT.resolve("ear/src/main/keycloak/keycloak.sh")
                    .toString(), "token", ZipperServer.KEYCLOAK_DIR.toString(), user))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(token).as("a token from Keycloak for " + user).isNotEmpty();
            return token;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new StringReader(payload)).readObject();
    }
}
