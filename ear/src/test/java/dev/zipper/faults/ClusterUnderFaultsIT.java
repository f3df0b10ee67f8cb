package dev.zipper.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zipper.e2e.CheckoutLoad;
import dev.zipper.e2e.Tokens;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The cluster as run.sh cluster starts it (three WildFly instances, the replicated Artemis pair, HAProxy
 * on 127.0.0.1:8080) on a fresh PostgreSQL database next to the one ZIPPER_DB_URL names. First one system
 * through one address: the store, the read side spread over the instances, a write on one instance read
 * at its position on another, the live stream of one carrying what another committed, an idempotency key
 * and a version (ETag) given by one honoured by the others. Then its fault
 * runs, each under commands and checkouts through the balancer: kill -9 of an instance that does not
 * lead, of the leader, of the primary broker, SIGSTOP of the leader for 20 s, and a restart of PostgreSQL. After each the log and
 * the store are audited (nothing acknowledged lost, positions without a gap, views equal to a replay,
 * stock conserved, every order ended, no payment authorised or refunded twice), and the figures go to
 * docs/cluster-fault-runs.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterUnderFaultsIT {

    private static final String DATABASE = "zipper_cluster_e2e";
    private static final Path DIR = ZipperServer.PROJECT.resolve("ear/target/cluster-e2e");
    private static final File LOG = ZipperServer.PROJECT.resolve("ear/target/cluster-e2e.log").toFile();
    private static final String CLUSTER = ZipperServer.PROJECT.resolve("ear/src/main/cluster/cluster.sh").toString();
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    private static Map<String, String> environment;
    private static DataSource database;
    private static final List<String> RUNS = new ArrayList<>();

    private final ZipperHttp balancer = new ZipperHttp(ZipperServer.WEB_MODULE);

    @BeforeAll
    static void startCluster() throws SQLException {
        String url = System.getenv().getOrDefault("ZIPPER_DB_URL", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The cluster runs on PostgreSQL: set ZIPPER_DB_URL (see README)");
        }
        String user = System.getenv().getOrDefault("ZIPPER_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("ZIPPER_DB_PASSWORD", "");
        FaultRig.recreateDatabase(url, user, password, DATABASE);
        environment = Map.of("ZIPPER_DB_DRIVER", "postgresql", "ZIPPER_DB_USER", user,
                "ZIPPER_DB_URL", url.substring(0, url.lastIndexOf('/') + 1) + DATABASE);
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(environment.get("ZIPPER_DB_URL"));
        direct.setUser(user);
        direct.setPassword(password);
        database = direct;
        String broker = ZipperServer.PROJECT.resolve("jms-config/artemis/broker.sh").toString();
        // the single broker the other suites use listens where the pair's primary will
        ZipperServer.run(List.of(broker, "stop"), Map.of(), LOG);
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
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + Tokens.suite()).build(),
                        HttpResponse.BodyHandlers.ofLines());
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
    void an_idempotency_key_and_a_version_given_on_one_instance_hold_on_the_others() {
        String key = java.util.UUID.randomUUID().toString();
        String body = "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}";
        HttpResponse<String> opened = instance(1).post("accounts", body, "Idempotency-Key", key);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        HttpResponse<String> retried = instance(2).post("accounts", body, "Idempotency-Key", key);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).as("the retry on zipper-2").hasValue("true");
        assertThat(retried.body()).isEqualTo(opened.body());

        String id = ZipperHttp.json(opened).asJsonObject().getString("id");
        String etag = opened.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> confirmed = instance(3).post("accounts/" + id + "/confirm", null, "If-Match", etag);
        assertThat(confirmed.statusCode()).as("If-Match with zipper-1's ETag, on zipper-3").isEqualTo(200);
        HttpResponse<String> stale = instance(2).post("accounts/" + id + "/activate", null, "If-Match", etag);
        assertThat(stale.statusCode()).as("the same, now stale, on zipper-2").isEqualTo(412);
        assertThat(instance(1).get("accounts/" + id, "If-None-Match", confirmed.headers().firstValue("ETag").orElseThrow(),
                "Zipper-Min-Position", Long.toString(ZipperHttp.json(confirmed).asJsonObject().getJsonNumber("position").longValue()))
                .statusCode()).as("zipper-3's ETag, on zipper-1").isEqualTo(304);
    }

    @Test
    @Order(5)
    void kill_9_of_an_instance_that_does_not_lead() throws Exception {
        int victim = leader() % 3 + 1;
        faultRun("kill -9 of zipper-" + victim + " (not the leader), restart", false, () -> kill(victim),
                () -> startInstance(victim));
    }

    @Test
    @Order(6)
    void kill_9_of_the_leader_hands_the_lead_on_within_5_s() throws Exception {
        int victim = leader();
        Run run = faultRun("kill -9 of zipper-" + victim + " (the leader), restart", true, () -> kill(victim),
                () -> startInstance(victim));
        assertThat(run.newLeaderMillis()).as("ms from the kill to a new leader").isBetween(0L, 5000L);
    }

    @Test
    @Order(7)
    void kill_9_of_the_primary_broker_fails_over_to_the_backup() throws Exception {
        String broker = ZipperServer.PROJECT.resolve("jms-config/artemis/broker.sh").toString();
        Run run = faultRun("kill -9 of the primary broker (the backup takes over), primary restarted as backup", false,
                () -> ZipperServer.run(List.of(broker, "kill", "primary"), Map.of(), LOG),
                () -> ZipperServer.run(List.of(broker, "start", "primary"), Map.of(), LOG));
        assertThat(run.flowMillis()).as("ms from the kill until a command's event reached a view again").isLessThan(15_000);
    }

    @Test
    @Order(8)
    void sigstop_of_the_leader_for_20_s_and_it_records_nothing_once_it_wakes() throws Exception {
        int paused = leader();
        long pid = javaOf(paused);
        Path log = DIR.resolve("zipper-" + paused + "/log/server.log");
        long logBefore = Files.size(log);
        Run run = faultRun("SIGSTOP of zipper-" + paused + " (the leader) for 20 s, then SIGCONT", true, () -> {
            signal("STOP", pid);
            // the fault is the pause itself, 20 s long: nothing to wait for but the time
            Awaitility.await().pollDelay(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(21)).until(() -> true);
            signal("CONT", pid);
        }, () -> { });
        assertThat(run.newLeaderMillis()).as("ms from the pause to a new leader").isBetween(0L, 5000L);
        String woke = Files.readString(log).substring((int) logBefore);
        // its relay either noticed the lost term before sending, or had its position refused after
        assertThat(woke).as("what the paused leader logged on waking")
                .containsPattern("Relay stops publishing: this instance's term \\d+|Relay's term \\d+ as leader ended before it recorded");
        System.out.println("[cluster] zipper-" + paused + " on waking: " + woke.lines()
                .filter(line -> line.contains("Relay") || line.contains("leads")).toList());
    }

    @Test
    @Order(9)
    void postgresql_restarted_under_load() throws Exception {
        List<String> restart = databaseRestart();
        Run run = faultRun("PostgreSQL restarted (" + String.join(" ", restart) + ")", false,
                () -> ZipperServer.run(restart, Map.of(), LOG), () -> { });
        assertThat(run.flowMillis()).as("ms from the restart until a command's event reached a view again").isLessThan(15_000);
    }

    /**
     * How to restart the database server: ZIPPER_DB_RESTART (a shell command) if set, else Debian's
     * pg_ctlcluster for the cluster the server names itself (a server on this machine).
     */
    private static List<String> databaseRestart() throws SQLException {
        String command = System.getenv("ZIPPER_DB_RESTART");
        if (command != null && !command.isBlank()) {
            return List.of("sh", "-c", command);
        }
        try (java.sql.Connection connection = database.getConnection();
                java.sql.ResultSet name = connection.createStatement().executeQuery("SHOW cluster_name")) {
            String[] versionAndName = name.next() ? name.getString(1).split("/") : new String[0];
            if (versionAndName.length != 2) {
                throw new IllegalStateException("Cannot tell how to restart PostgreSQL (no cluster_name like 15/main):"
                        + " set ZIPPER_DB_RESTART to a command that restarts it");
            }
            return List.of("pg_ctlcluster", versionAndName[0], versionAndName[1], "restart", "-m", "fast");
        }
    }

    @AfterAll
    static void writeRuns() throws IOException {
        if (RUNS.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of("# Cluster fault runs: the latest results", "",
                "Written by `ear/src/test/java/dev/zipper/faults/ClusterUnderFaultsIT.java` (run by `mvn verify` on PostgreSQL, as",
                "CI does) on " + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores: `./run.sh cluster`'s shape (three WildFly "
                        + "instances, the Artemis pair, HAProxy), two clients sending account commands and two checking out,",
                "all through the balancer. After every run: each acknowledged command is in the log, positions 1..head",
                "without a gap, everything published, account_view and the store's views equal a replay, stock",
                "conserved, every order ended, no payment authorised or refunded twice.", "",
                "| Run | Commands acknowledged / failed | Failures' window | New leader after | Flow restored after | "
                        + "Views at lag 0, after the load stopped | Checkouts |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"));
        lines.addAll(RUNS);
        lines.addAll(List.of("", "Failures' window: from the first to the last failed command (refused or cut off "
                + "connections, 503), 0 when none failed. Flow restored: from the fault until a command acknowledged after "
                + "it reached account_view (the first such command). New leader: from the fault until another instance held the lease (\u2013: the "
                + "leader was not touched)."));
        Files.write(ZipperServer.PROJECT.resolve("docs/cluster-fault-runs.md"), lines);
    }

    /** What a fault run cost: ms from the fault to a new leader (-1: none needed), to the flow restored. */
    private record Run(long newLeaderMillis, long flowMillis) {
    }

    /**
     * Commands and checkouts through the balancer; after 50 acknowledged commands, the fault; the load goes on
     * until 50 more were acknowledged after it, then {@code recover} restores what the fault took, and 30 more
     * follow. Then the audits, and a row for docs/cluster-fault-runs.md.
     */
    private Run faultRun(String name, boolean leaderAffected, Step fault, Step recover) throws Exception {
        String customer = CheckoutLoad.activeCustomer(balancer);
        List<String> skus = CheckoutLoad.products(balancer);
        int leaderBefore = leader();
        CommandLoad commands = new CommandLoad(2);
        CheckoutLoad checkouts = new CheckoutLoad(2, customer, skus);
        long at;
        long newLeader = -1;
        long flow;
        boolean recovered = false;
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> commands.acknowledged().size() >= 50);
            at = System.currentTimeMillis();
            long faultAt = at;
            // measured while the fault goes on (a pause lasts 20 s)
            CompletableFuture<Long> led = leaderAffected
                    ? CompletableFuture.supplyAsync(() -> awaitNewLeader(leaderBefore, faultAt)) : null;
            CompletableFuture<Long> flowing = CompletableFuture.supplyAsync(() -> awaitFlow(commands, faultAt));
            fault.run();
            if (led != null) {
                newLeader = led.get(1, TimeUnit.MINUTES);
            }
            flow = flowing.get(2, TimeUnit.MINUTES);
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> commands.acknowledgedSince(at) >= 50);
            recover.run();
            recovered = true;
            long back = System.currentTimeMillis();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> commands.acknowledgedSince(back) >= 30);
        } finally {
            commands.close();
            checkouts.close();
            if (!recovered) {
                recover.run(); // the runs after this one need the whole cluster
            }
        }
        long stopped = System.currentTimeMillis();
        LogAudit audit = LogAudit.converged(database, Duration.ofMinutes(2));
        audit.assertNothingLost(commands.acknowledged());
        StoreAudit.settled(database, Duration.ofMinutes(2)).assertConserved(checkouts);
        long caughtUp = System.currentTimeMillis() - stopped;
        List<Long> failedAt = commands.failed().stream().map(CommandLoad.Failed::startedAt).sorted().toList();
        long window = failedAt.isEmpty() ? 0 : failedAt.get(failedAt.size() - 1) - failedAt.get(0);
        String row = String.format("| %s | %d / %d | %.1f s | %s | %.1f s | %.1f s | %d |", name, commands.acknowledged().size(),
                failedAt.size(), window / 1000.0, newLeader < 0 ? "\u2013" : String.format("%.1f s", newLeader / 1000.0),
                flow / 1000.0, caughtUp / 1000.0, checkouts.orders().size());
        System.out.println("[cluster fault run] " + row);
        RUNS.add(row);
        return new Run(newLeader, flow);
    }

    /** A step of a fault run that may throw. */
    private interface Step {
        void run() throws Exception;
    }

    /** ms from {@code at} until an instance other than {@code was} holds the lease, asked of the survivors. */
    private static long awaitNewLeader(int was, long at) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
            for (int n = 1; n <= 3; n++) {
                if (n != was && alive(n)) {
                    JsonObject lead = log(n).getJsonObject("leader");
                    if (lead.getBoolean("held") && !lead.getString("instance").startsWith("zipper-" + was + "/")) {
                        return System.currentTimeMillis() - at;
                    }
                }
            }
            return -1L;
        }, millis -> millis >= 0);
    }

    /** ms from {@code at} until the first command acknowledged after it is in account_view (read through the balancer). */
    private long awaitFlow(CommandLoad commands, long at) {
        CommandLoad.Acknowledged first = Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> commands.acknowledged()
                .stream().filter(a -> a.at() > at).min(Comparator.comparingLong(CommandLoad.Acknowledged::at)), Optional::isPresent)
                .orElseThrow();
        // an instance that dies under a request cuts it off: ask again
        return Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            HttpResponse<String> row = balancer.get("accounts/" + first.streamId());
            boolean shown = row.statusCode() == 200 && ZipperHttp.json(row).asJsonObject().getInt("version") >= first.version();
            return shown ? System.currentTimeMillis() - at : -1L;
        }, millis -> millis >= 0);
    }

    private static int leader() {
        for (int n = 1; n <= 3; n++) {
            if (alive(n)) {
                String holder = log(n).getJsonObject("leader").getString("instance");
                return Integer.parseInt(holder.substring("zipper-".length(), holder.indexOf('/')));
            }
        }
        throw new IllegalStateException("no instance answers");
    }

    private static boolean alive(int n) {
        try {
            return instance(n).get("log").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** kill -9 of an instance's JVM and its script. */
    private static void kill(int n) throws IOException {
        long script = Long.parseLong(Files.readString(DIR.resolve("zipper-" + n + "/wildfly.pid")).strip());
        ProcessHandle.of(script).ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            handle.onExit().join();
        });
    }

    private static long javaOf(int n) throws IOException {
        long script = Long.parseLong(Files.readString(DIR.resolve("zipper-" + n + "/wildfly.pid")).strip());
        return ProcessHandle.of(script).orElseThrow().children().filter(child -> child.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow().pid();
    }

    private static void signal(String signal, long pid) {
        ZipperServer.run(List.of("kill", "-" + signal, Long.toString(pid)), Map.of(), LOG);
    }

    private static void startInstance(int n) {
        ZipperServer.run(List.of(CLUSTER, "start-instance", DIR.toString(), Integer.toString(n)), environment, LOG);
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
