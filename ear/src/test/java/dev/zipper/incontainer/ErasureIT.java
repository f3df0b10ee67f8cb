package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountView;
import dev.zipper.account.Address;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.domain.Personal;
import dev.zipper.edge.RowJson;
import dev.zipper.history.AggregateHistory;
import dev.zipper.history.AsOf;
import dev.zipper.readside.ProjectionGenerations;
import dev.zipper.readside.ReadSide;
import dev.zipper.readside.Rebuilds;
import dev.zipper.readside.RowReads;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.UriBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the server: a customer's name, email and address never reach the log in clear; erasing the customer
 * keeps every event at its position, and every reader shows those fields as erased: the decider, the view,
 * the history, the state as of a version, and every projection rebuilt from the log afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(ErasureIT.class);
    }

    @Inject
    Commands commands;

    @Inject
    RowReads reads;

    @Inject
    AggregateHistory history;

    @Inject
    Rebuilds rebuilds;

    @Inject
    ReadSide readSide;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void an_erased_customer_reads_as_erased_everywhere_while_the_log_keeps_every_event() throws SQLException {
        String id = UUID.randomUUID().toString();
        String email = id.substring(0, 8) + "@example.org";
        run(id, new AccountCommand.Open("Grace Hopper", email), Expected.NEW_STREAM);
        run(id, new AccountCommand.SetShippingAddress(new Address("1 Navy Yard", null, "20374", "Washington", "DC", "US")),
                Expected.ANY_VERSION);
        assertThat(stored(id)).hasSize(2).noneMatch(payload -> payload.contains("Grace") || payload.contains(email)
                || payload.contains("Navy"));
        await().atMost(Duration.ofSeconds(20)).until(() -> view(id).getString("email", "").equals(email));
        List<String> before = positions(id);

        run(id, new AccountCommand.Erase(), Expected.ANY_VERSION);

        assertThat(positions(id)).as("every event kept, where it was").startsWith(before.toArray(String[]::new)).hasSize(3);
        var state = commands.state(Account.TYPE, id).orElseThrow().state();
        assertThat(state.name()).isEqualTo(Personal.ERASED);
        assertThat(state.shippingAddress()).isNull();
        assertThat(history.fold(Account.TYPE, id, new AsOf(OptionalInt.of(2), Optional.empty())).orElseThrow().state())
                .as("as of before the erasure").satisfies(then -> {
                    assertThat(then.email()).isEqualTo(Personal.ERASED);
                    assertThat(then.shippingAddress()).isNull();
                });
        String events = ((String) history.events(Account.TYPE, id, null, null, UriBuilder.fromUri("/"), "none").getEntity());
        assertThat(events).doesNotContain("Grace").doesNotContain(email).doesNotContain("Navy").contains(Personal.ERASED);
        await().atMost(Duration.ofSeconds(20)).until(() -> view(id).getString("email", "").equals(Personal.ERASED));

        Instant asked = Instant.now();
        for (var projection : readSide.projections()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> rebuilds.rebuild(projection.name()) != Rebuilds.Started.ALREADY);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> rebuilds.all().stream().allMatch(generation ->
                !generation.rebuilding() && generation.finishedAt() != null && generation.finishedAt().isAfter(asked)));
        assertThat(rebuilds.all()).extracting(ProjectionGenerations.Generation::error).containsOnlyNulls();
        JsonObject rebuilt = view(id);
        assertThat(rebuilt.getString("name")).isEqualTo(Personal.ERASED);
        assertThat(rebuilt.getString("email")).isEqualTo(Personal.ERASED);
        assertThat(rebuilt.toString()).doesNotContain("Navy");
    }

    private JsonObject view(String id) {
        AccountView row = reads.read(() -> reads.row(AccountView.class, id));
        return row == null ? Json.createObjectBuilder().build() : RowJson.of(row, "id").build();
    }

    private List<String> stored(String id) throws SQLException {
        return column(id, "payload");
    }

    private List<String> positions(String id) throws SQLException {
        return column(id, "position");
    }

    private List<String> column(String id, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT " + column + " FROM events WHERE stream_type = 'account' AND stream_id = ? ORDER BY stream_version")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    private void run(String id, AccountCommand command, Expected expected) {
        commands.execute(Account.TYPE, id, command, expected, CommandMetadata.correlatedWith(UUID.randomUUID()));
    }
}
