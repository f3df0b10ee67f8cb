package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountView;
import dev.zipper.account.Address;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.edge.RowJson;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.history.AggregateHistory;
import dev.zipper.history.AsOf;
import dev.zipper.readside.RowReads;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.UriBuilder;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
 * An event stored before its type's schema changed (account.shipping-address-set version 1: an address
 * without a region), written as that version's JSON, is read in its current shape by every reader of the
 * log, in the server: the decider, the projection, the history and the state as of a version. Its row is
 * never rewritten.
 */
@ExtendWith(ArquillianExtension.class)
class UpcastingIT {

    private static final String V1 = "{\"address\":{\"line1\":\"12 Rue de la Paix\",\"postalCode\":\"75002\","
            + "\"city\":\"Paris\",\"country\":\"FR\"}}";
    private static final Address PARIS = new Address("12 Rue de la Paix", null, "75002", "Paris", null, "FR");

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(UpcastingIT.class);
    }

    @Inject
    Commands commands;

    @Inject
    RowReads reads;

    @Inject
    AggregateHistory history;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void a_version_1_event_reads_as_version_2_everywhere_and_stays_version_1_in_the_log() throws SQLException {
        String id = UUID.randomUUID().toString();
        commands.execute(Account.TYPE, id, new AccountCommand.Open("Hedy", "hedy@example.org"), Expected.NEW_STREAM,
                metadata());
        UUID cause = UUID.randomUUID();
        new EventLog(dataSource, EventLog.Transactions.LOCAL).append(new StreamId("account", id), 1, List.of(
                new NewEvent("account.shipping-address-set", 1, V1, new EventMetadata(UUID.randomUUID(), cause, cause))));

        assertThat(commands.state(Account.TYPE, id)).as("the decider's state")
                .hasValueSatisfying(known -> assertThat(known.state().shippingAddress()).isEqualTo(PARIS));
        assertThat(history.fold(Account.TYPE, id, new AsOf(OptionalInt.of(2), Optional.empty())))
                .as("the state as of version 2").hasValueSatisfying(folded ->
                        assertThat(folded.state().shippingAddress()).isEqualTo(PARIS));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(view(id).getValue("/shippingAddress/city"))
                .as("the view").hasToString("\"Paris\""));
        JsonObject shown = page(history.events(Account.TYPE, id, "1", null, UriBuilder.fromUri("/"), "none"))
                .getJsonArray("items").getJsonObject(0);
        assertThat(shown.getInt("schemaVersion")).as("the history shows the current shape").isEqualTo(2);
        assertThat(shown.getInt("storedSchemaVersion")).isEqualTo(1);
        assertThat(shown.getJsonObject("data").getJsonObject("address").getString("postalCode")).isEqualTo("75002");

        commands.execute(Account.TYPE, id, new AccountCommand.SetShippingAddress(
                new Address("1-1 Chiyoda", null, "100-0001", "Chiyoda-ku", "Tokyo", "JP")), Expected.ANY_VERSION, metadata());
        assertThat(stored(id)).as("the old row as written; the new one in version 2, its address sealed (personal data)")
                .hasSize(2).satisfies(rows -> {
                    assertThat(rows.get(0)).isEqualTo("1 " + V1);
                    assertThat(rows.get(1)).startsWith("2 {\"address\":{\"sealed\":").doesNotContain("Chiyoda");
                });
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(view(id).getValue("/shippingAddress/region"))
                .hasToString("\"Tokyo\""));
    }

    private List<String> stored(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT schema_version, payload FROM events "
                     + "WHERE stream_type = 'account' AND stream_id = ? AND event_type = 'account.shipping-address-set' "
                     + "ORDER BY stream_version")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                List<String> found = new java.util.ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getInt(1) + " " + rows.getString(2));
                }
                return found;
            }
        }
    }

    private JsonObject view(String id) {
        AccountView row = reads.read(() -> reads.row(AccountView.class, id));
        return row == null ? Json.createObjectBuilder().build() : RowJson.of(row, "id").build();
    }

    private static JsonObject page(jakarta.ws.rs.core.Response response) {
        return Json.createReader(new StringReader((String) response.getEntity())).readObject();
    }

    private static CommandMetadata metadata() {
        return CommandMetadata.correlatedWith(UUID.randomUUID());
    }
}
