package dev.zipper.faults;

import dev.zipper.e2e.CheckoutLoad;
import dev.zipper.e2e.ZipperHttp;
import dev.zipper.e2e.ZipperServer;
import dev.zipper.payment.PaymentStatus;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log's guarantees under faults, in the production shape (see {@link FaultRig}): the server killed
 * under load (and during a rebuild of the account view, which is begun again and ends), the broker killed for several seconds, the database taken away. After each, nothing
 * acknowledged is lost and the read table converges on exactly what a replay of the log gives. Then the
 * store under checkouts: the server killed, the broker away; every order ends, stock adds up, and the
 * store's views equal a replay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogGuaranteesUnderFaultsIT {

    private static final int CLIENTS = 4;
    private static final Duration CONVERGENCE = Duration.ofMinutes(2);
    private static final long PAYMENT_TIMEOUT_SECONDS = 5;
    private static final int REBUILT_ACCOUNTS = 40_000;
    /** When the server was down in the store's runs (from, to). */
    private static final List<Instant[]> serverDown = new ArrayList<>();

    private static FaultRig rig;
    private static final FaultSummary SUMMARY = new FaultSummary();
    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);

    @BeforeAll
    static void startProductionShape() throws Exception {
        rig = FaultRig.start();
    }

    @AfterAll
    static void stopAndWriteSummary() throws Exception {
        SUMMARY.write();
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void after_a_kill_9_of_the_server_under_load_nothing_acknowledged_is_lost_and_nothing_applied_twice()
            throws Exception {
        importAccounts(REBUILT_ACCOUNTS); // a log long enough for a rebuild to be under way when the server dies
        long headBefore = LogAudit.converged(rig.database, CONVERGENCE).head;
        try (CommandLoad load = new CommandLoad(CLIENTS)) {
            awaitAcknowledged(load, 0, 150);
            assertThat(http.post("log/projections/account-view/rebuild", null).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> rebuild().getJsonNumber("position").longValue() > 0);
            assertThat(rebuild().getString("state")).as("the rebuild under way at the kill").isEqualTo("rebuilding");
            long killed = System.currentTimeMillis();
            rig.killServer();
            rig.startServer();
            long restarted = System.currentTimeMillis();
            Converged after = convergedAfter(load, restarted, 100);
            // its lease expired, the rebuild cut short is begun again; the live table served all along
            await().atMost(Duration.ofMinutes(3)).until(() -> rebuild().getString("state").equals("live")
                    && Instant.parse(rebuild().getString("finishedAt")).toEpochMilli() > restarted);
            LogAudit.converged(rig.database, CONVERGENCE).assertNothingLost(load.acknowledged());
            SUMMARY.add("kill -9 of WildFly under load and during a rebuild of the account view, restart", load,
                    after.audit(), duplicatesDropped(), after.catchUpMillis(), "down " + (restarted - killed) / 1000
                            + " s (kill to redeployed); committed but unanswered (the kill cut the reply off): "
                            + (after.audit().head - headBefore - load.acknowledged().size()) + "; the rebuild begun again and done "
                            + (Instant.parse(rebuild().getString("finishedAt")).toEpochMilli() - restarted) / 1000
                            + " s after the restart, the view equal to the log");
        }
    }

    @Test
    @Order(2)
    void with_the_broker_down_commands_succeed_and_the_backlog_is_projected_once_it_is_back() throws Exception {
        try (CommandLoad load = new CommandLoad(CLIENTS)) {
            awaitAcknowledged(load, 0, 100);
            long duplicatesBefore = duplicatesDropped();
            long down = killBrokerWhileCommandsGoOn(load, Duration.ofSeconds(6));
            long acknowledgedWhileDown = load.acknowledgedSince(down);
            load.close();
            LogAudit atReturn = LogAudit.of(rig.database);
            rig.startBroker();
            long back = System.currentTimeMillis();
            Converged after = convergedAfter(load, back, 0);
            SUMMARY.add("kill -9 of the broker for " + (back - down) / 1000 + " s under load", load, after.audit(),
                    duplicatesDropped() - duplicatesBefore, after.catchUpMillis(),
                    acknowledgedWhileDown + " commands acknowledged while the broker was down; backlog of "
                            + (atReturn.head - atReturn.published) + " events published and projected on its return");
        }
    }

    @Test
    @Order(3)
    void events_committed_but_not_yet_published_when_the_server_dies_are_published_after_its_restart()
            throws Exception {
        try (CommandLoad load = new CommandLoad(CLIENTS)) {
            awaitAcknowledged(load, 0, 50);
            killBrokerWhileCommandsGoOn(load, Duration.ofSeconds(3));
            rig.killServer(); // with the broker away, the relay had sent none of these: they are only in the log
            LogAudit atKill = LogAudit.of(rig.database);
            long unpublished = atKill.head - atKill.published;
            assertThat(unpublished).as("events committed but not published when the server died").isPositive();
            rig.startBroker();
            rig.startServer();
            long restarted = System.currentTimeMillis();
            Converged after = convergedAfter(load, restarted, 50);
            SUMMARY.add("kill -9 of the broker, then of WildFly; restart both", load, after.audit(),
                    duplicatesDropped(), after.catchUpMillis(),
                    unpublished + " events committed but not yet published when WildFly died");
        }
    }

    @Test
    @Order(4)
    void without_the_database_commands_fail_fast_with_503_write_nothing_and_work_again_when_it_is_back()
            throws Exception {
        try (CommandLoad load = new CommandLoad(CLIENTS)) {
            awaitAcknowledged(load, 0, 100);
            long duplicatesBefore = duplicatesDropped();
            rig.proxy.down();
            long down = System.currentTimeMillis();

            long probeStart = System.currentTimeMillis();
            HttpResponse<String> refused = http.post("accounts", "{\"name\": \"Probe\", \"email\": \"probe@example.org\"}");
            long probeMillis = System.currentTimeMillis() - probeStart;
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(ZipperHttp.json(refused).asJsonObject().getString("detail"))
                    .contains("event store cannot be reached; nothing was written");
            // the clients keep trying for several seconds: every command sent once the outage is established
            // fails the same way
            await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofMinutes(1))
                    .until(() -> failuresSince(load, down + 1000).size() >= 20);
            List<CommandLoad.Failed> whileDown = failuresSince(load, down + 1000);
            assertThat(whileDown).allSatisfy(f -> assertThat(f.status()).as(f.detail()).isEqualTo(503));
            long slowest = whileDown.stream().mapToLong(CommandLoad.Failed::millis).max().orElseThrow();
            assertThat(slowest).as("the slowest refusal, in ms (a hang would show here)").isLessThan(10_000);

            rig.proxy.up();
            long back = System.currentTimeMillis();
            Converged after = convergedAfter(load, back, 100);
            SUMMARY.add("database away for " + (back - down) / 1000 + " s under load", load, after.audit(),
                    duplicatesDropped() - duplicatesBefore, after.catchUpMillis(), whileDown.size() + " commands refused with 503 "
                            + "(slowest " + slowest + " ms, first " + probeMillis + " ms)");
        }
    }

    @Test
    @Order(5)
    void after_a_kill_9_of_the_server_during_checkouts_every_order_ends_stock_is_conserved_and_views_equal_the_log()
            throws Exception {
        try (CheckoutLoad load = new CheckoutLoad(CLIENTS, CheckoutLoad.activeCustomer(http), CheckoutLoad.products(http))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> load.orders().size() >= 30);
            Instant killed = Instant.now();
            rig.killServer();
            rig.startServer();
            // a payment submitted just before the kill had its gateway call cut off: its time-out is right
            serverDown.add(new Instant[] {killed.minusSeconds(PAYMENT_TIMEOUT_SECONDS), Instant.now()});
            int before = load.orders().size();
            await().atMost(Duration.ofMinutes(3)).until(() -> load.orders().size() >= before + 20);
            load.close();
            assertStoreSettled(load);
        }
    }

    @Test
    @Order(6)
    void with_the_broker_down_during_checkouts_every_order_ends_once_it_is_back() throws Exception {
        try (CheckoutLoad load = new CheckoutLoad(CLIENTS, CheckoutLoad.activeCustomer(http), CheckoutLoad.products(http))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> load.orders().size() >= 20);
            rig.killBroker();
            int atKill = load.orders().size();
            await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofMinutes(1)).until(() -> load.orders().size() >= atKill + 10);
            rig.startBroker();
            int atReturn = load.orders().size();
            await().atMost(Duration.ofMinutes(3)).until(() -> load.orders().size() >= atReturn + 20);
            load.close();
            assertStoreSettled(load);
        }
    }

    /**
     * Every acknowledged checkout became an order that ended; every order existed the moment its checkout
     * answered; stock adds up; the views equal a replay; no payment the gateway answers timed out unless its
     * server died while asking.
     */
    private static void assertStoreSettled(CheckoutLoad load) {
        StoreAudit audit = StoreAudit.settled(rig.database, CONVERGENCE);
        audit.assertConserved(load);
        assertThat(audit.answeredButTimedOut(serverDown)).as("payments with answered cards timed out while the server was up")
                .isEmpty();
        long timedOut = audit.payments.values().stream().filter(p -> p.status() == PaymentStatus.TIMED_OUT).count();
        long answered = audit.payments.values().stream().filter(p -> p.status() == PaymentStatus.TIMED_OUT
                && !p.card().number().equals(CheckoutLoad.NO_ANSWER)).count();
        System.out.println("[fault run] store: " + audit.orders.size() + " orders so far, " + timedOut + " payments timed out, "
                + answered + " of them with a card the gateway answers (allowed only if submitted while the server was "
                + "going down: " + serverDown.size() + " kill(s)); " + load.orders().size() + " orders read and one in four "
                + "cancelled the moment their checkout answered, none found missing");
    }

    /** Kills the broker and keeps it away for at least {@code outage}, until 100 commands have committed without it. */
    private static long killBrokerWhileCommandsGoOn(CommandLoad load, Duration outage) {
        rig.killBroker();
        long down = System.currentTimeMillis();
        await().pollDelay(outage).atMost(Duration.ofMinutes(1)).until(() -> load.acknowledgedSince(down) >= 100);
        return down;
    }

    private static void awaitAcknowledged(CommandLoad load, long since, int count) {
        await().atMost(Duration.ofMinutes(3)).until(() -> load.acknowledgedSince(since) >= count);
    }

    private static List<CommandLoad.Failed> failuresSince(CommandLoad load, long millis) {
        return load.failed().stream().filter(f -> f.startedAt() >= millis).toList();
    }

    /** The state after a fault once the read side has converged, and how long that took from the fault's end. */
    private record Converged(LogAudit audit, long catchUpMillis) {
    }

    /**
     * Once {@code commands} more commands have succeeded since the fault ended at {@code since}, stops the
     * load, waits until the read side has converged and checks that nothing was lost.
     */
    private static Converged convergedAfter(CommandLoad load, long since, int commands) throws InterruptedException {
        awaitAcknowledged(load, since, commands);
        load.close();
        LogAudit audit = LogAudit.converged(rig.database, CONVERGENCE);
        long catchUp = System.currentTimeMillis() - since;
        audit.assertNothingLost(load.acknowledged());
        return new Converged(audit, catchUp);
    }

    /** The account view's generation as GET /log shows it. */
    private JsonObject rebuild() {
        return ZipperHttp.json(http.get("log")).asJsonObject().getJsonObject("rebuilds").getJsonObject("account-view");
    }

    /** {@code count} accounts opened, written to the log by SQL as an import would (positions from the head). */
    private static void importAccounts(int count) throws SQLException {
        try (Connection connection = rig.database.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.executeUpdate("UPDATE log_head SET position = position + " + count + " WHERE id = 1");
            sql.executeUpdate("INSERT INTO events (position, stream_type, stream_id, stream_version, event_type, schema_version, "
                    + "payload, event_id, correlation_id, causation_id, recorded_at) SELECT h.position - " + count + " + g, "
                    + "'account', gen_random_uuid()::text, 1, 'account.opened', 1, '{\"name\":\"Imported\",\"email\":"
                    + "\"imported@example.org\"}', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() "
                    + "FROM log_head h, generate_series(1, " + count + ") g");
            connection.commit();
        }
    }

    private long duplicatesDropped() {
        JsonObject projections = ZipperHttp.json(http.get("log")).asJsonObject().getJsonObject("projections");
        return projections.containsKey("account-view")
                ? projections.getJsonObject("account-view").getJsonNumber("duplicatesDropped").longValue() : 0;
    }
}
