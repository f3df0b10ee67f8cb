import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a running Zipper with a shop's life: a catalog with stock, customers, and a stream of orders from
 * several shoppers at once, some paid with cards that decline, some cancelled, some shipped and delivered.
 * Run by demo/load.sh; only the JDK is needed. Prints a progress line, then what became of the orders.
 * With one shopper it watches each order it waits for closely (every millisecond, rather than every
 * 100 ms) and prints how long a checkout took to become a succeeded order (median and 99th percentile).
 *
 *   java demo/StoreDemo.java API ORDERS SHOPPERS SEED
 */
public class StoreDemo {

    private static final Pattern ID = Pattern.compile("\"(?:id|orderId)\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final String[][] CATALOG = {
            {"MUG", "Stoneware mug", "12.50"}, {"TEA-EB", "English breakfast tea, 250 g", "6.90"},
            {"TEA-GR", "Sencha green tea, 100 g", "9.40"}, {"NOTE-A5", "Dotted notebook A5", "14.00"},
            {"PEN-BLK", "Fountain pen, black", "34.00"}, {"INK-BLU", "Ink bottle, blue, 50 ml", "8.75"},
            {"LAMP", "Desk lamp", "49.00"}, {"TOTE", "Canvas tote bag", "11.00"}, {"SOCKS", "Wool socks", "15.50"},
            {"CANDLE", "Beeswax candle", "18.20"}, {"COFFEE", "Single-origin coffee, 500 g", "16.80"},
            {"GRINDER", "Hand coffee grinder", "59.00"}, {"KETTLE", "Gooseneck kettle", "64.00"},
            {"PLANT", "Potted fern", "22.00"}, {"PUZZLE", "1000-piece puzzle", "24.90"},
            {"BOOK-ES", "Event sourcing, a field guide", "39.00"}};
    private static final String[] PEOPLE = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra",
            "Barbara Liskov", "Donald Knuth", "Margaret Hamilton", "Leslie Lamport", "Frances Allen", "Niklaus Wirth",
            "Radia Perlman", "Tony Hoare", "Katherine Johnson", "John Backus", "Hedy Lamarr", "Ken Thompson"};
    /** Mostly good cards, a few that decline, one in a hundred that never answers (the order times out). */
    private static final String[] CARDS = {"4242424242424242", "4242424242424242", "4242424242424242",
            "4242424242424242", "4242424242424242", "4242424242424242", "4242424242424242", "4242424242424242",
            "4000000000000002", "4000000000009995"};
    private static final String NO_ANSWER = "4000000000000119";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI api;
    private final Random random;
    private final AtomicInteger placed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> orders = Collections.synchronizedList(new ArrayList<>());
    /** ms from sending a checkout to seeing its order succeeded, with one shopper (else not watched closely). */
    private final List<Double> checkoutToSucceeded = Collections.synchronizedList(new ArrayList<>());
    private long pollMillis = 100;

    private StoreDemo(URI api, long seed) {
        this.api = api;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0].replaceAll("/?$", "/"));
        int orderCount = Integer.parseInt(args[1]);
        int shoppers = Integer.parseInt(args[2]);
        new StoreDemo(api, Long.parseLong(args[3])).run(orderCount, shoppers);
    }

    private void run(int orderCount, int shoppers) throws Exception {
        long started = System.nanoTime();
        String batch = Long.toString(System.currentTimeMillis() % 100_000, 36).toUpperCase();
        List<String> skus = new ArrayList<>();
        for (String[] product : CATALOG) {
            String sku = product[0] + "-" + batch;
            post("products", "{\"sku\":\"" + sku + "\",\"name\":\"" + product[1] + "\",\"price\":" + product[2]
                    + ",\"currency\":\"EUR\"}", 201);
            post("products/" + sku + "/stock", "{\"quantity\":" + (orderCount / 4 + random.nextInt(orderCount / 2 + 10)) + "}", 200);
            skus.add(sku);
        }
        List<String> customers = new ArrayList<>();
        for (String person : PEOPLE) {
            String id = id(post("accounts", "{\"name\":\"" + person + "\",\"email\":\""
                    + person.toLowerCase().replace(' ', '.') + "@example.org\"}", 201));
            post("accounts/" + id + "/confirm", null, 200);
            post("accounts/" + id + "/activate", null, 200);
            customers.add(id);
        }
        System.err.printf("[demo] %d products and %d customers added%n", skus.size(), customers.size());

        pollMillis = shoppers == 1 ? 1 : 100;
        ExecutorService pool = Executors.newFixedThreadPool(shoppers);
        long shopping = System.nanoTime();
        for (int i = 0; i < orderCount; i++) {
            long seed = random.nextLong();
            pool.submit(() -> shop(new Random(seed), customers, skus));
        }
        pool.shutdown();
        while (!pool.awaitTermination(500, TimeUnit.MILLISECONDS)) {
            progress(orderCount, shopping);
        }
        progress(orderCount, shopping);
        double seconds = (System.nanoTime() - shopping) / 1e9;
        System.err.println();

        Map<String, Integer> ends = settle();
        System.err.printf("[demo] %d orders placed in %.1f s (%.1f checkouts/s with %d shoppers), %d checkouts refused%n",
                placed.get(), seconds, placed.get() / seconds, shoppers, refused.get());
        System.err.printf("[demo] where they ended: %s; all done in %.0f s%n", ends, (System.nanoTime() - started) / 1e9);
        System.out.printf("checkouts-per-second %.1f%n", placed.get() / seconds);
        if (shoppers == 1 && !checkoutToSucceeded.isEmpty()) {
            List<Double> sorted = new ArrayList<>(checkoutToSucceeded);
            Collections.sort(sorted);
            System.out.printf("checkout-to-succeeded-p50-ms %.1f%ncheckout-to-succeeded-p99-ms %.1f%n",
                    sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)));
        }
    }

    /** One shopper: a cart of one to four products, checkout, and now and then a cancel, a shipment, a delivery. */
    private void shop(Random random, List<String> customers, List<String> skus) {
        try {
            String cart = id(post("carts", "{\"customerId\":\"" + customers.get(random.nextInt(customers.size())) + "\"}", 201));
            int lines = 1 + random.nextInt(4);
            for (int line = 0; line < lines; line++) {
                post("carts/" + cart + "/items", "{\"sku\":\"" + skus.get(random.nextInt(skus.size())) + "\",\"quantity\":"
                        + (1 + random.nextInt(3)) + "}", 200);
            }
            String card = random.nextInt(100) == 0 ? NO_ANSWER : CARDS[random.nextInt(CARDS.length)];
            long checkoutSent = System.nanoTime();
            HttpResponse<String> checkedOut = send("carts/" + cart + "/checkout", "{\"card\":\"" + card + "\"}");
            if (checkedOut.statusCode() != 201) {
                refused.incrementAndGet();
                return;
            }
            String order = id(checkedOut.body());
            placed.incrementAndGet();
            orders.add(order);
            int fate = random.nextInt(100);
            if (fate < 40) {
                return;
            }
            String status = awaitEnd(order, Duration.ofSeconds(15));
            if (!"SUCCEEDED".equals(status)) {
                return;
            }
            checkoutToSucceeded.add((System.nanoTime() - checkoutSent) / 1e6);
            if (fate < 48) {
                send("orders/" + order + "/cancel", "{\"reason\":\"changed my mind\"}");
            } else if (fate < 80) {
                send("orders/" + order + "/ship", null);
                if (fate < 65) {
                    send("orders/" + order + "/deliver", null);
                }
            }
        } catch (RuntimeException e) {
            refused.incrementAndGet();
        }
    }

    /** Waits for every order to leave PLACED (a payment that never answers takes the gateway's timeout). */
    private Map<String, Integer> settle() throws InterruptedException {
        Map<String, Integer> ends = new ConcurrentHashMap<>();
        for (String order : orders) {
            ends.merge(String.valueOf(awaitEnd(order, Duration.ofSeconds(60))), 1, Integer::sum);
        }
        return new TreeMap<>(ends);
    }

    private String awaitEnd(String order, Duration atMost) {
        long end = System.nanoTime() + atMost.toNanos();
        String status = null;
        while (System.nanoTime() < end) {
            HttpResponse<String> shown = get("orders/" + order);
            Matcher matcher = STATUS.matcher(shown.body());
            status = shown.statusCode() == 200 && matcher.find() ? matcher.group(1) : null;
            if (status != null && !status.equals("PLACED")) {
                return status;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
        return status;
    }

    private void progress(int orderCount, long since) {
        double seconds = (System.nanoTime() - since) / 1e9;
        System.err.printf("\r[demo] %d/%d orders placed, %d refused, %.1f s, %.1f checkouts/s   ", placed.get(), orderCount,
                refused.get(), seconds, placed.get() / Math.max(seconds, 0.001));
    }

    private String post(String path, String json, int expected) {
        HttpResponse<String> response = send(path, json);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String path, String json) {
        return exchange(HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) {
        return exchange(HttpRequest.newBuilder(api.resolve(path)).GET());
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) {
        String token = System.getenv("ZIPPER_TOKEN"); // a bearer token that may run the whole store (load.sh makes one)
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Zipper did not answer " + request.build().uri() + ": " + e, e);
        }
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No id in " + body);
        }
        return matcher.group(1);
    }
}
