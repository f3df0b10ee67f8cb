package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountView;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.Leases;
import dev.zipper.eventstore.ReaderPositions;
import dev.zipper.leadership.Leadership;
import dev.zipper.readside.RowReads;
import dev.zipper.relay.LogRelay;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The relay publishes only on the instance that leads. Here another instance takes the lead over (as it
 * would from one paused past its lease) and then dies without renewing it: meanwhile this one publishes
 * nothing, though its commands commit; once the other's lease has lapsed it leads again, in a new term,
 * and publishes the backlog.
 */
@ExtendWith(ArquillianExtension.class)
class LeadershipIT {

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(LeadershipIT.class);
    }

    @Inject
    Commands commands;

    @Inject
    Leadership leadership;

    @Inject
    Leases leases;

    @Inject
    ReaderPositions positions;

    @Inject
    RowReads reads;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void while_another_instance_leads_this_one_publishes_nothing_and_takes_the_lead_back_once_it_lapses() throws SQLException {
        await().atMost(Duration.ofSeconds(10)).until(leadership::leads);
        long term = leadership.current().orElseThrow().term();

        takenOverFor(Duration.ofSeconds(4));
        await().atMost(Duration.ofSeconds(3)).until(() -> !leadership.leads());
        assertThat(leases.current(Leadership.LEASE).orElseThrow().holder()).isEqualTo("another-instance");
        long published = positions.position(LogRelay.READER);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            commands.execute(Account.TYPE, id, new AccountCommand.Open("Lead", "lead@example.org"), Expected.NEW_STREAM,
                    CommandMetadata.correlatedWith(UUID.randomUUID()));
            accounts.add(id);
        }
        long head = new EventLog(dataSource, EventLog.Transactions.LOCAL).head();
        assertThat(positions.position(LogRelay.READER)).as("published while another instance leads").isEqualTo(published);
        assertThat(reads.row(AccountView.class, accounts.get(0))).as("projected while another instance leads").isNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> leadership.current().map(Leases.Lease::term).orElse(0L) == term + 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> positions.position(LogRelay.READER) >= head);
        await().atMost(Duration.ofSeconds(10)).until(() -> accounts.stream().allMatch(id -> reads.row(AccountView.class, id) != null));
    }

    /** Another instance takes the lead, in the next term, and never renews it. */
    private void takenOverFor(Duration lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE log_leases SET holder = 'another-instance', "
                     + "term = term + 1, since = CURRENT_TIMESTAMP, expires_at = CURRENT_TIMESTAMP + INTERVAL '"
                     + lease.toSeconds() + "' SECOND WHERE name = ?")) {
            update.setString(1, Leadership.LEASE);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
