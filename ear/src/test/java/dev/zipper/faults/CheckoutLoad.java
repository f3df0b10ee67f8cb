package dev.zipper.faults;

import dev.zipper.e2e.ZipperHttp;
import dev.zipper.e2e.ZipperServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Shoppers checking out over HTTP, each again and again: open a cart for the customer, add one or two of
 * the products, check out with a card that is mostly good, sometimes declined, now and then one the
 * gateway never answers. Records the orders whose checkout was acknowledged (201). A request that fails
 * (the server or broker down) is simply tried again with a new cart.
 */
final class CheckoutLoad implements AutoCloseable {

    private static final String[] CARDS = {"4242424242424242", "4242424242424242", "4242424242424242",
            "4000000000000002", "4000000000009995", "4242424242424242", "4242424242424242", "4242424242424242",
            "4242424242424242", "4000000000000119"};

    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);
    private final Set<String> orders = ConcurrentHashMap.newKeySet();
    private final ExecutorService shoppers;
    private final String customer;
    private final List<String> skus;
    private volatile boolean running = true;

    CheckoutLoad(int shoppers, String customer, List<String> skus) {
        this.customer = customer;
        this.skus = skus;
        this.shoppers = Executors.newFixedThreadPool(shoppers);
        for (int i = 0; i < shoppers; i++) {
            this.shoppers.submit(this::shop);
        }
    }

    Set<String> orders() {
        return orders;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        shoppers.shutdown();
        if (!shoppers.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("shoppers did not stop");
        }
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
                if (checkedOut.statusCode() == 201) {
                    orders.add(ZipperHttp.json(checkedOut).asJsonObject().getString("orderId"));
                } else {
                    pause();
                }
            } catch (RuntimeException e) {
                pause();
            }
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
