import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What verifying a bearer token costs a request, one client against a running Zipper, the ways interleaved
 * a round at a time so that drift touches all alike:
 *   read               GET /products/{sku} with no token (the catalog is open to anyone): the baseline
 *   read+token         the same with a staff token: the difference is the server's verification
 *   command+token      a command with a staff token (suspend or reactivate an account, in turn)
 *   own-command+token  a customer's command on their own account (set its address): ownership checked too
 * Prints p50 and p99 in ms per way, and each p50 as a ratio to the read's.
 *   ZIPPER_STAFF_TOKEN=... ZIPPER_CUSTOMER_TOKEN=... ZIPPER_CUSTOMER=subject java bench/TokenCost.java API ROUNDS PER_ROUND
 */
public class TokenCost {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String STAFF = System.getenv("ZIPPER_STAFF_TOKEN");
    private static final String CUSTOMER = System.getenv("ZIPPER_CUSTOMER_TOKEN");

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        String sku = "TOKEN-" + System.nanoTime();
        String me = System.getenv("ZIPPER_CUSTOMER");
        send(api + "/products", STAFF, "{\"sku\": \"" + sku + "\", \"name\": \"Token\", \"price\": 1.00, \"currency\": \"EUR\"}");
        send(api + "/accounts", CUSTOMER, "{\"name\": \"Bench\", \"email\": \"bench@example.org\"}");
        send(api + "/accounts/" + me + "/confirm", CUSTOMER, null);
        send(api + "/accounts/" + me + "/activate", CUSTOMER, null);
        for (int tries = 0; status(api + "/products/" + sku) != 200; tries++) { // the catalog's view has it a moment later
            if (tries == 100) {
                throw new IllegalStateException("the product did not reach the catalog's view in 10 s");
            }
            Thread.sleep(100);
        }
        List<String> ways = List.of("read", "read+token", "command+token", "own-command+token");
        Map<String, List<Double>> millis = new TreeMap<>();
        int turn = 0;
        for (int round = 0; round < rounds; round++) {
            for (String way : ways) {
                for (int i = 0; i < perRound; i++, turn++) {
                    long start = System.nanoTime();
                    switch (way) {
                        case "read" -> send(api + "/products/" + sku, null, null);
                        case "read+token" -> send(api + "/products/" + sku, STAFF, null);
                        case "command+token" -> send(api + "/accounts/" + me + "/" + (turn % 2 == 0 ? "suspend" : "reactivate"),
                                STAFF, null);
                        default -> send(api + "/accounts/" + me + "/address", CUSTOMER, "{\"line1\": \"" + turn
                                + " Rue de la Paix\", \"postalCode\": \"75002\", \"city\": \"Paris\", \"country\": \"FR\"}");
                    }
                    millis.computeIfAbsent(way, w -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        double base = percentile(millis.get("read"), 50);
        for (String way : ways) {
            List<Double> times = millis.get(way);
            System.out.printf("%s-p50-ms %.2f%n%s-p99-ms %.2f%n%s-p50-ratio %.2f%n", way, percentile(times, 50), way,
                    percentile(times, 99), way, percentile(times, 50) / base);
        }
    }

    /** GET without a body, POST with one (or none); fails on anything but a 2xx. */
    private static void send(String uri, String token, String json) throws Exception {
        boolean post = json != null || !uri.contains("/products/");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .method(post ? "POST" : "GET", post && json != null ? HttpRequest.BodyPublishers.ofString(json)
                        : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(uri + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static int status(String uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
