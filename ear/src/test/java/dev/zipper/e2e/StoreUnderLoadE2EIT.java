package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store under load as shoppers and operators meet it, against zipper.ear as built: six shoppers
 * checking out without a pause, each reading its order the moment the checkout answers and cancelling one
 * in four at once. Their orders must exist the moment the checkout answers; a payment the gateway answers
 * at once must never time out, even when the read side (which asks the gateway) fell far behind; and a
 * normal run and a clean stop must leave no error in the server's log.
 */
@ExtendWith(ZipperServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreUnderLoadE2EIT {

    private static final int SHOPPERS = 6;
    /** Longer than the payment timeout (5 s): requests recorded before the hold are delivered later than that. */
    private static final Duration HELD = Duration.ofSeconds(8);
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);

    @Test
    @Order(1)
    void with_the_read_side_held_back_past_the_payment_timeout_no_payment_the_gateway_answers_times_out() throws Exception {
        CheckoutLoad load = new CheckoutLoad(SHOPPERS, CheckoutLoad.activeCustomer(http), CheckoutLoad.products(http));
        try (load) {
            awaitOrders(load, 20);
            int atHold = load.orders().size();
            try (AutoCloseable held = ZipperServer.holdReadSide()) {
                Awaitility.await().pollDelay(HELD).atMost(Duration.ofMinutes(1))
                        .until(() -> load.orders().size() >= atHold + 10);
            }
            // the backlog of the hold is worked off while shoppers go on: the read side stays behind a while
            awaitOrders(load, load.orders().size() + 30);
        }
        List<JsonObject> orders = ended(load);

        List<String> timedOut = orders.stream().filter(o -> o.containsKey("payment"))
                .map(o -> o.getJsonObject("payment"))
                .filter(p -> p.getString("status").equals("TIMED_OUT") && CheckoutLoad.answered(p.getString("card")))
                .map(p -> p.getString("id") + " (card " + p.getString("card") + ")").toList();
        System.out.println("[store under load] " + orders.size() + " orders, read side held " + HELD.toSeconds() + " s; "
                + orders.stream().filter(o -> o.containsKey("payment") && o.getJsonObject("payment").getString("status")
                .equals("TIMED_OUT")).count() + " payments timed out, " + timedOut.size() + " of them with an answered card");
        assertThat(timedOut).as("payments timed out though the gateway answers their card at once, of " + orders.size()
                + " orders").isEmpty();
        assertThat(orders).as("some orders were paid").anyMatch(o -> o.getString("status").equals("SUCCEEDED"));
        assertThat(load.notFound()).as("an order read or cancelled the moment its checkout answered").isEmpty();
    }

    @Test
    @Order(2)
    void a_load_run_and_a_clean_stop_leave_no_error_in_the_server_log() throws Exception {
        Path log = ZipperServer.serverLog();
        long from = Files.size(log);
        CheckoutLoad load = new CheckoutLoad(SHOPPERS, CheckoutLoad.activeCustomer(http), CheckoutLoad.products(http));
        try (load) {
            awaitOrders(load, 100);
        }
        List<JsonObject> orders = ended(load);
        assertThat(orders).as("cancelled at once").anyMatch(o -> o.getString("status").equals("CANCELLED"));
        assertThat(load.notFound()).as("an order read or cancelled the moment its checkout answered").isEmpty();

        List<String> lines = new ArrayList<>();
        ZipperServer.restart(() -> lines.addAll(linesFrom(log, from)));
        assertThat(ZipperServer.errors(lines)).as("errors logged by the run and the stop (" + lines.size() + " lines)")
                .isEmpty();
    }

    private static void awaitOrders(CheckoutLoad load, int count) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> load.orders().size() >= count);
    }

    /** Every order of the load once it has ended, as the order view shows it (with its payment). */
    private List<JsonObject> ended(CheckoutLoad load) {
        List<JsonObject> orders = new ArrayList<>();
        for (String order : load.orders()) {
            orders.add(Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ZipperHttp.json(http.get("orders/" + order)).asJsonObject(),
                            o -> FINAL.contains(o.getString("status", "")) && (!o.containsKey("payment")
                                    || !Set.of("REQUESTED", "SUBMITTED").contains(o.getJsonObject("payment").getString("status")))));
        }
        return orders;
    }

    /** The log's lines from a byte offset on (from its start, should it have been rotated meanwhile). */
    private static List<String> linesFrom(Path log, long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int start = bytes.length >= from ? (int) from : 0;
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
