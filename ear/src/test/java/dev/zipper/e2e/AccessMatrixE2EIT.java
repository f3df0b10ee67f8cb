package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's matrix of who may do what, checked against the API as served: every operation of the
 * OpenAPI document (one missing from the matrix fails), called by every kind of caller: none, a customer
 * on their own resources, another customer on them, staff, an operator, and tokens that must be refused.
 * Commands are sent a body they refuse ({@code 400}), so that nothing is written by the ones let in.
 */
@ExtendWith(ZipperServer.class)
class AccessMatrixE2EIT {

    private static final String LET_IN = "✓";
    private static final String REFUSED_BODY = "{\"zipper-matrix\": true}";
    private static final List<String> CALLERS = List.of("anonymous", "customer, own", "customer, another's", "staff", "operator");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ZipperHttp anonymous = new ZipperHttp(ZipperServer.WEB_MODULE).as(null);

    @Test
    void every_operation_answers_every_caller_as_the_readme_says() throws Exception {
        Map<String, List<String>> matrix = readmeMatrix();
        JsonObject paths = ZipperHttp.json(anonymous.get("openapi")).asJsonObject().getJsonObject("paths");
        List<String> served = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet()
                .forEach(method -> served.add(method.toUpperCase() + " " + path)));
        assertThat(new TreeSet<>(matrix.keySet())).as("the README's matrix lists every operation served, and no other")
                .isEqualTo(new TreeSet<>(served));

        long stamp = System.nanoTime();
        String staff = Tokens.of("staff", "matrix-staff");
        String own = Tokens.of("customer", "matrix-a-" + stamp);
        Map<String, String> ids = resourcesOf(own, staff, "matrix-a-" + stamp, "MATRIX-" + stamp);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("customer, own", own);
        tokens.put("customer, another's", Tokens.of("customer", "matrix-b-" + stamp));
        tokens.put("staff", staff);
        tokens.put("operator", Tokens.of("operator", "matrix-operator"));
        Map<String, String> refused = new LinkedHashMap<>();
        String suite = Tokens.suite();
        refused.put("expired", Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--expires-in", "-300"));
        refused.put("another issuer", Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--issuer", "https://evil.example"));
        refused.put("another audience", Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--audience", "other"));
        refused.put("bad signature", suite.substring(0, suite.length() - 8) + "AAAAAAAA");
        refused.put("alg none", Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--alg", "none"));
        refused.put("HS256", Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--alg", "HS256"));

        SoftAssertions softly = new SoftAssertions();
        int requests = 0;
        for (Map.Entry<String, List<String>> row : matrix.entrySet()) {
            String method = row.getKey().split(" ")[0];
            String target = fill(row.getKey().split(" ")[1], ids);
            for (int i = 0; i < CALLERS.size(); i++) {
                String expected = row.getValue().get(i);
                int status = call(method, target, tokens.get(CALLERS.get(i)));
                requests++;
                String what = row.getKey() + " by " + CALLERS.get(i);
                if (expected.equals(LET_IN)) {
                    softly.assertThat(status).as(what).isEqualTo(method.equals("GET") ? 200 : 400);
                } else {
                    softly.assertThat(status).as(what).isEqualTo(Integer.parseInt(expected));
                }
            }
            for (Map.Entry<String, String> token : refused.entrySet()) {
                softly.assertThat(call(method, target, token.getValue())).as(row.getKey() + " with " + token.getKey())
                        .isEqualTo(401);
                requests++;
            }
        }
        String summary = "access matrix on " + ZipperServer.SERVER + ": " + matrix.size() + " operations x "
                + (CALLERS.size() + refused.size()) + " callers = " + requests + " requests";
        System.out.println(summary);
        Files.writeString(ZipperServer.PROJECT.resolve("ear/target/access-matrix-" + ZipperServer.SERVER + ".txt"), summary + "\n");
        softly.assertAll();
    }

    /** A customer's account, cart and order (with its payment), and a product, made as they would make them. */
    private Map<String, String> resourcesOf(String customerToken, String staffToken, String subject, String sku) {
        ZipperHttp customer = anonymous.as(customerToken);
        ZipperHttp staff = anonymous.as(staffToken);
        assertThat(staff.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Matrix\", \"price\": 1.00, \"currency\": \"EUR\"}")
                .statusCode()).isEqualTo(201);
        assertThat(staff.post("products/" + sku + "/stock", "{\"quantity\": 5}").statusCode()).isEqualTo(200);
        assertThat(customer.post("accounts", "{\"name\": \"Matrix\", \"email\": \"m@example.org\"}").statusCode()).isEqualTo(201);
        customer.post("accounts/" + subject + "/confirm", null);
        customer.post("accounts/" + subject + "/activate", null);
        String cart = ZipperHttp.json(customer.post("carts", "{\"customerId\": \"" + subject + "\"}")).asJsonObject().getString("id");
        customer.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}");
        String order = ZipperHttp.json(customer.post("carts/" + cart + "/checkout", null)).asJsonObject().getString("orderId");
        await().atMost(Duration.ofSeconds(30)).until(() -> staff.get("payments/" + order).statusCode() == 200
                && staff.get("orders/" + order).statusCode() == 200 && staff.get("accounts/" + subject).statusCode() == 200);
        return Map.of("accounts", subject, "carts", cart, "orders", order, "payments", order, "products", sku, "sku", sku);
    }

    /** The template with the resources' ids: {id} by its collection's, {sku} by the product's. */
    private static String fill(String template, Map<String, String> ids) {
        String collection = template.split("/")[1];
        return template.replace("{id}", ids.getOrDefault(collection, "none")).replace("{sku}", ids.get("sku"))
                .replaceAll("\\{[^}]+}", "none"); // a parked stream's reader, a projection's name: any will do
    }

    /** The status of one call; a live stream's is read and the stream left at once. */
    private static int call(String method, String target, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ZipperServer.WEB_MODULE + "api" + target))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(REFUSED_BODY)
                : HttpRequest.BodyPublishers.noBody());
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                body.readAllBytes();
            }
        }
        return response.statusCode();
    }

    /** The README's table under "Who may do what": operation, then the answer for each caller. */
    private static Map<String, List<String>> readmeMatrix() throws IOException {
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(ZipperServer.PROJECT.resolve("README.md"))) {
            if (line.startsWith("| Operation | " + String.join(" | ", CALLERS) + " |")) {
                inTable = true;
            } else if (inTable && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                List<String> answers = new ArrayList<>();
                for (int i = 2; i < 2 + CALLERS.size(); i++) {
                    answers.add(cells[i].strip());
                }
                matrix.put(cells[1].strip().replace("`", ""), answers);
            } else if (inTable && !line.startsWith("| ---")) {
                break;
            }
        }
        assertThat(matrix).as("the README's matrix").isNotEmpty();
        return matrix;
    }
}
