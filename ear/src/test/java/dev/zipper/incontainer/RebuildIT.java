package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.readside.ProjectionGenerations;
import dev.zipper.readside.Rebuilds;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the server: the account view rebuilt from the log while commands keep writing to it. Rows no
 * command touched meanwhile are the same, column for column, as before; every row equals its stream as
 * the log folds it; and a reader polling the table all along never saw fewer rows than there were (no
 * half-built table), nor a row without its name.
 */
@ExtendWith(ArquillianExtension.class)
class RebuildIT {

    private static final String ROWS = "SELECT id, name, email, status, version, last_position FROM account_view";

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(RebuildIT.class);
    }

    @Inject
    Commands commands;

    @Inject
    Rebuilds rebuilds;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Test
    void a_rebuild_under_concurrent_writes_equals_the_log_and_no_query_sees_a_half_built_table() throws Exception {
        List<String> stable = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            stable.add(open());
        }
        awaitViews(stable);
        Map<String, String> before = rows(stable);
        long rowsBefore = count("SELECT count(*) FROM account_view");

        AtomicBoolean stop = new AtomicBoolean();
        Queue<String> written = new ConcurrentLinkedQueue<>();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        Future<?> writer = executor.submit(() -> {
            while (!stop.get()) {
                String id = open();
                commands.execute(Account.TYPE, id, new AccountCommand.Confirm(), Expected.ANY_VERSION, metadata());
                written.add(id);
            }
        });
        Future<?> reader = executor.submit(() -> {
            while (!stop.get()) {
                seen.add(count("SELECT count(*) FROM account_view") + " " + count("SELECT count(*) FROM account_view WHERE name IS NULL"));
            }
            return null;
        });
        Instant asked = Instant.now();
        assertThat(rebuilds.rebuild("account-view")).isEqualTo(Rebuilds.Started.STARTED);
        assertThat(rebuilds.rebuild("account-view")).as("one at a time").isEqualTo(Rebuilds.Started.ALREADY);
        await().atMost(Duration.ofSeconds(120)).until(() -> generation().finishedAt() != null
                && generation().finishedAt().isAfter(asked) && !generation().rebuilding());
        stop.set(true);
        writer.get();
        reader.get();

        assertThat(generation().error()).isNull();
        assertThat(generation().position()).isPositive();
        assertThat(written).as("commands ran during the rebuild").isNotEmpty();
        awaitViews(List.copyOf(written));
        assertThat(rows(stable)).as("untouched rows, column for column").isEqualTo(before);
        List<String> all = ids();
        assertThat(all).containsAll(stable).containsAll(written);
        for (String id : all) {
            var state = commands.state(Account.TYPE, id).orElseThrow();
            assertThat(rows(List.of(id)).get(id)).as(id).startsWith(id + " " + state.state().name() + " " + state.state().email()
                    + " " + state.state().status() + " " + state.version() + " ");
        }
        assertThat(seen).isNotEmpty().allSatisfy(line -> {
            String[] counts = line.split(" ");
            assertThat(Long.parseLong(counts[0])).as("rows seen during the rebuild").isGreaterThanOrEqualTo(rowsBefore);
            assertThat(counts[1]).as("rows without a name").isEqualTo("0");
        });
    }

    @Test
    void a_projection_declared_newer_than_its_table_is_rebuilt_by_itself() throws Exception {
        List<String> ids = List.of(open(), open());
        awaitViews(ids);
        Map<String, String> before = rows(ids);
        Instant marked = Instant.now();
        // as after a deployment whose account view declares a version above the one its table was built by
        try (Connection connection = dataSource.getConnection(); Statement update = connection.createStatement()) {
            update.executeUpdate("UPDATE projection_generations SET version = 0 WHERE projection = 'account-view'");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> generation().version() == 1 && generation().finishedAt() != null
                && generation().finishedAt().isAfter(marked));
        assertThat(rows(ids)).isEqualTo(before);
    }

    private ProjectionGenerations.Generation generation() {
        return rebuilds.all().stream().filter(g -> g.projection().equals("account-view")).findFirst().orElseThrow();
    }

    private void awaitViews(List<String> ids) {
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> {
            String row = rows(List.of(id)).get(id);
            return row != null && row.contains(" " + commands.state(Account.TYPE, id).orElseThrow().version() + " ");
        }));
    }

    private String open() {
        String id = UUID.randomUUID().toString();
        commands.execute(Account.TYPE, id, new AccountCommand.Open("Rebuilt " + id.substring(0, 4), id.substring(0, 8) + "@example.org"),
                Expected.NEW_STREAM, metadata());
        return id;
    }

    private Map<String, String> rows(List<String> ids) {
        Map<String, String> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet row = select.executeQuery(ROWS + " WHERE id IN ('" + String.join("', '", ids) + "')")) {
            while (row.next()) {
                rows.put(row.getString(1), row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " "
                        + row.getString(4) + " " + row.getInt(5) + " " + row.getLong(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private List<String> ids() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT id FROM account_view")) {
            while (row.next()) {
                ids.add(row.getString(1));
            }
        }
        return ids;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet row = select.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static CommandMetadata metadata() {
        return CommandMetadata.correlatedWith(UUID.randomUUID());
    }
}
