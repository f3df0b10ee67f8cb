package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shoppers checking out over HTTP, each again and again: open a cart for the customer, add one or two of
 * the products, check out with a card that is mostly good, sometimes declined, now and then one the
 * gateway never answers. Right after each checkout's answer, as an impatient client would, the shopper
 * reads the order at the position the answer gave, and one checkout in four is cancelled at once. Records
 * the orders whose checkout was acknowledged (201), and every answer about an order just acknowledged that
 * said it does not exist. A request that fails (the server or broker down) is simply tried again with a
 * new cart.
 */
public final class CheckoutLoad implements AutoCloseable {

    /** The card the test gateway never answers; every other card here is answered at once. */
    public static final String NO_ANSWER = "4000000000000119";
    private static final String[] CARDS = {"4242424242424242", "4242424242424242", "4242424242424242",
            "4000000000000002", "4000000000009995", "4242424242424242", "4242424242424242", "4242424242424242",
            "4242424242424242", NO_ANSWER};

    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);
    private final Set<String> orders = ConcurrentHashMap.newKeySet();
    private final Queue<String> notFound = new ConcurrentLinkedQueue<>();
    private final ExecutorService shoppers;
    private final String customer;
    private final List<String> skus;
    private volatile boolean running = true;

    public CheckoutLoad(int shoppers, String customer, List<String> skus) {
        this.customer = customer;
        this.skus = skus;
        this.shoppers = Executors.newFixedThreadPool(shoppers);
        for (int i = 0; i < shoppers; i++) {
            this.shoppers.submit(this::shop);
        }
    }

    public Set<String> orders() {
        return orders;
    }

    /** Requests sent the moment a checkout was acknowledged that were told the order does not exist. */
    public List<String> notFound() {
        return List.copyOf(notFound);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        shoppers.shutdown();
        if (!shoppers.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("shoppers did not stop");
        }
    }

    /** Whether the gateway answers a card shown as {@code masked} ("**** 4242"). */
    public static boolean answered(String masked) {
        return !masked.endsWith(NO_ANSWER.substring(NO_ANSWER.length() - 4));
    }

    /** An active customer to shop as. */
    public static String activeCustomer(ZipperHttp http) {
        String id = ZipperHttp.json(http.post("accounts", "{\"name\": \"Shopper\", \"email\": \"shop@example.org\"}"))
                .asJsonObject().getString("id");
        assertThat(http.post("accounts/" + id + "/confirm", null).statusCode()).isEqualTo(200);
        assertThat(http.post("accounts/" + id + "/activate", null).statusCode()).isEqualTo(200);
        return id;
    }

    /** Three products with plenty of stock and one with little, so that some orders fail for want of it. */
    public static List<String> products(ZipperHttp http) {
        String batch = Long.toString(System.nanoTime(), 36);
        List<String> skus = List.of("A-" + batch, "B-" + batch, "C-" + batch, "SCARCE-" + batch);
        for (String sku : skus) {
            assertThat(http.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Load\", \"price\": 4.20, "
                    + "\"currency\": \"EUR\"}").statusCode()).isEqualTo(201);
            assertThat(http.post("products/" + sku + "/stock", "{\"quantity\": " + (sku.startsWith("SCARCE") ? 15 : 100_000)
                    + "}").statusCode()).isEqualTo(200);
        }
        return skus;
    }

    private void shop() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            try {
                HttpResponse<String> cart = http.post("carts", "{\"customerId\": \"" + customer + "\"}");
                if (cart.statusCode() != 201) {
                    pause();
                    continue;
                }
                String id = ZipperHttp.json(cart).asJsonObject().getString("id");
                for (int line = 0; line <= random.nextInt(2); line++) {
                    http.post("carts/" + id + "/items", "{\"sku\": \"" + skus.get(random.nextInt(skus.size()))
                            + "\", \"quantity\": " + (1 + random.nextInt(3)) + "}");
                }
                HttpResponse<String> checkedOut = http.post("carts/" + id + "/checkout",
                        "{\"card\": \"" + CARDS[random.nextInt(CARDS.length)] + "\"}");
                if (checkedOut.statusCode() != 201) {
                    pause();
                    continue;
                }
                JsonObject answer = ZipperHttp.json(checkedOut).asJsonObject();
                String order = answer.getString("orderId");
                orders.add(order);
                atOnce(order, "GET", http.get("orders/" + order, "Zipper-Min-Position",
                        answer.getJsonNumber("position").toString()));
                if (random.nextInt(4) == 0) {
                    atOnce(order, "cancel", http.post("orders/" + order + "/cancel", null));
                }
            } catch (RuntimeException e) {
                pause();
            }
        }
    }

    /** Zipper's own 404 (a problem, not a server that has not deployed the application yet) is what must not come. */
    private void atOnce(String order, String request, HttpResponse<String> response) {
        boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (response.statusCode() == 404 && problem) {
            notFound.add(request + " " + order + ": " + response.body());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
