package dev.zipper.cluster;

import dev.zipper.e2e.CheckoutLoad;
import dev.zipper.e2e.ZipperHttp;
import dev.zipper.e2e.ZipperServer;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster as run.sh cluster starts it (three WildFly instances, the replicated Artemis pair, HAProxy
 * on 127.0.0.1:8080) on a fresh PostgreSQL database next to the one ZIPPER_DB_URL names: the store through
 * the one address, the read side spread over the instances, a write on one instance read at its position
 * on another, the live stream of one carrying what another committed, and the leader's death.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterE2EIT {

    private static final String DATABASE = "zipper_cluster_e2e";
    private static final Path DIR = ZipperServer.PROJECT.resolve("ear/target/cluster-e2e");
    private static final File LOG = ZipperServer.PROJECT.resolve("ear/target/cluster-e2e.log").toFile();
    private static final String CLUSTER = ZipperServer.PROJECT.resolve("ear/src/main/cluster/cluster.sh").toString();
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    private static Map<String, String> environment;

    private final ZipperHttp balancer = new ZipperHttp(ZipperServer.WEB_MODULE);

    @BeforeAll
    static void startCluster() throws SQLException {
        String url = System.getenv().getOrDefault("ZIPPER_DB_URL", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The cluster runs on PostgreSQL: set ZIPPER_DB_URL (see README)");
        }
        String user = System.getenv().getOrDefault("ZIPPER_DB_USER", "postgres");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        admin.setUser(user);
        admin.setPassword(System.getenv().getOrDefault("ZIPPER_DB_PASSWORD", ""));
        try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        environment = Map.of("ZIPPER_DB_DRIVER", "postgresql", "ZIPPER_DB_USER", user,
                "ZIPPER_DB_URL", url.substring(0, url.lastIndexOf('/') + 1) + DATABASE);
        String broker = ZipperServer.PROJECT.resolve("jms-config/artemis/broker.sh").toString();
        ZipperServer.run(List.of(broker, "reset", "primary"), Map.of(), LOG);
        ZipperServer.run(List.of(broker, "reset", "backup"), Map.of(), LOG);
        ZipperServer.run(List.of(CLUSTER, "start", DIR.toString()), environment, LOG);
    }

    @AfterAll
    static void stopCluster() {
        ZipperServer.run(List.of(CLUSTER, "stop", DIR.toString()), Map.of(), LOG);
    }

    @Test
    @Order(1)
    void the_store_runs_through_the_one_address_and_every_instance_takes_part_in_the_read_side() throws Exception {
        try (CheckoutLoad load = new CheckoutLoad(4, CheckoutLoad.activeCustomer(balancer), CheckoutLoad.products(balancer))) {
            Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> load.orders().size() >= 40);
            load.close();
            for (String order : load.orders()) {
                Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(
                        () -> ZipperHttp.json(balancer.get("orders/" + order)).asJsonObject().getString("status", ""), FINAL::contains);
            }
            assertThat(load.notFound()).as("an order read or cancelled the moment its checkout answered").isEmpty();
        }
        List<Integer> applying = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            JsonObject orders = log(n).getJsonObject("projections").getJsonObject("order-view");
            applying.add(orders.getInt("applied"));
            assertThat(orders.getInt("lag")).as("order-view's lag on zipper-" + n).isZero();
        }
        System.out.println("[cluster] order-view events applied by zipper-1, -2, -3: " + applying);
        assertThat(applying).as("instances that applied order events").filteredOn(applied -> applied > 0).hasSizeGreaterThan(1);
    }

    @Test
    @Order(2)
    void a_write_on_one_instance_is_read_at_its_position_on_another_as_soon_as_it_is_applied() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> opened = instance(1).post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}");
            JsonObject answer = ZipperHttp.json(opened).asJsonObject();
            long start = System.nanoTime();
            HttpResponse<String> read = instance(2).get("accounts/" + answer.getString("id"), "Zipper-Min-Position",
                    Long.toString(answer.getJsonNumber("position").longValue()));
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.headers().firstValue("Zipper-Stale")).as("answered stale after the wait").isEmpty();
        }
        System.out.println("[cluster] read on zipper-2 at the position of a write on zipper-1, ms: " + sorted(millis));
        assertThat(median(millis)).as("median wait, ms (the wait ends at 5 s unless another instance's apply wakes it)")
                .isLessThan(1000);
    }

    @Test
    @Order(3)
    void the_live_stream_of_one_instance_carries_what_another_committed() throws Exception {
        long head = log(1).getJsonNumber("head").longValue();
        Map<Long, Long> arrived = new ConcurrentHashMap<>();
        HttpResponse<Stream<String>> stream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8380/zipper/api/events?after=" + head))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("id:"))
                .forEach(line -> arrived.put(Long.parseLong(line.substring(3).trim()), System.nanoTime())));
        reader.setDaemon(true);
        reader.start();
        List<Long> millis = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> opened = instance(1).post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}");
                long answered = System.nanoTime();
                long position = ZipperHttp.json(opened).asJsonObject().getJsonNumber("position").longValue();
                Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2)).until(() -> arrived.containsKey(position));
                millis.add(Math.max(0, arrived.get(position) - answered) / 1_000_000);
            }
        } finally {
            stream.body().close();
        }
        System.out.println("[cluster] on zipper-3's live stream, after a command on zipper-1 answered, ms: " + sorted(millis));
        assertThat(median(millis)).as("median, ms").isLessThan(100);
    }

    @Test
    @Order(4)
    void the_leaders_death_hands_the_lead_on_within_5_s_and_the_balancer_keeps_answering() throws Exception {
        String leader = log(1).getJsonObject("leader").getString("instance");
        int dead = Integer.parseInt(leader.substring("zipper-".length(), leader.indexOf('/')));
        int survivor = dead % 3 + 1;
        long script = Long.parseLong(Files.readString(DIR.resolve("zipper-" + dead + "/wildfly.pid")).strip());
        long killed = System.nanoTime();
        ProcessHandle.of(script).ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        });
        long led = 0;
        int failed = 0;
        int sent = 0;
        while (System.nanoTime() - killed < Duration.ofSeconds(10).toNanos()) {
            sent++;
            try {
                failed += balancer.post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}").statusCode() == 201 ? 0 : 1;
            } catch (RuntimeException e) {
                failed++;
            }
            if (led == 0 && !log(survivor).getJsonObject("leader").getString("instance").equals(leader)) {
                led = System.nanoTime();
            }
        }
        long newLeaderMillis = (led - killed) / 1_000_000;
        System.out.println("[cluster] kill -9 of the leader " + leader + ": new leader after " + newLeaderMillis + " ms; "
                + failed + " of " + sent + " commands through the balancer failed in the 10 s after");
        assertThat(led).as("a new leader within 10 s").isPositive();
        assertThat(newLeaderMillis).as("ms to a new leader").isLessThan(5000);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> log(survivor).getJsonObject("projections").values().stream()
                .allMatch(projection -> projection.asJsonObject().getInt("lag") == 0));
    }

    private static ZipperHttp instance(int n) {
        try {
            return new ZipperHttp(new URL("http://127.0.0.1:" + (8080 + n * 100) + "/zipper/"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject log(int n) {
        return ZipperHttp.json(instance(n).get("log")).asJsonObject();
    }

    private static List<Long> sorted(List<Long> values) {
        return values.stream().sorted().toList();
    }

    private static long median(List<Long> values) {
        return sorted(values).get(values.size() / 2);
    }
}
