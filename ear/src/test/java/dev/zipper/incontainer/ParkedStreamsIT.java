package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountView;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.delivery.Parking;
import dev.zipper.eventstore.ParkedStreams;
import dev.zipper.eventstore.StreamId;
import dev.zipper.readside.RowReads;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the server, with the real broker's redeliveries: an event that fails one reader (a test automation)
 * on its third delivery parks its stream for that reader alone. The stream's later events wait for it,
 * every other stream flows, and so do the other readers of this one (the account view); a retry after the
 * fix takes the waiting events in order, and a skip passes over the failing one.
 */
@ExtendWith(ArquillianExtension.class)
class ParkedStreamsIT {

    private static final String READER = "FlakyAutomation";

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(ParkedStreamsIT.class, FlakyAutomation.class);
    }

    @Inject
    Commands commands;

    @Inject
    Parking parking;

    @Inject
    RowReads reads;

    @Test
    void a_poisoned_event_parks_its_stream_for_its_reader_alone_and_a_retry_after_the_fix_drains_it_in_order() {
        String poisoned = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();
        FlakyAutomation.POISONED.add(poisoned + " 1");
        open(poisoned);
        open(healthy);

        await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(poisoned) == 1);
        run(poisoned, new AccountCommand.Confirm());
        run(poisoned, new AccountCommand.Activate());
        run(healthy, new AccountCommand.Confirm());

        await().atMost(Duration.ofSeconds(20)).until(() -> taken(healthy).equals(List.of(1, 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> viewVersion(poisoned) == 3);
        assertThat(taken(poisoned)).as("the parked stream's events wait").isEmpty();
        assertThat(parking.all()).filteredOn(p -> p.stream().id().equals(poisoned)).singleElement()
                .satisfies(parked -> assertThat(parked.error()).contains("poisoned for the test"));

        FlakyAutomation.POISONED.remove(poisoned + " 1");
        Parking.Outcome retried = parking.retry(READER, new StreamId("account", poisoned)).orElseThrow();

        assertThat(retried.failedAt()).isEmpty();
        assertThat(retried.taken()).isEqualTo(3);
        assertThat(taken(poisoned)).as("in order").containsExactly(1, 2, 3);
        assertThat(parkedAt(poisoned)).as("released").isZero();
        run(poisoned, new AccountCommand.Suspend());
        await().atMost(Duration.ofSeconds(20)).until(() -> taken(poisoned).equals(List.of(1, 2, 3, 4)));
    }

    @Test
    void a_skip_passes_over_the_failing_event_and_a_retry_that_fails_again_parks_it_again() {
        String id = UUID.randomUUID().toString();
        FlakyAutomation.POISONED.add(id + " 1");
        open(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedAt(id) == 1);
        run(id, new AccountCommand.Confirm());

        Parking.Outcome failed = parking.retry(READER, new StreamId("account", id)).orElseThrow();
        assertThat(failed.failedAt()).hasValueSatisfying(event -> assertThat(event.streamVersion()).isEqualTo(1));
        assertThat(parkedAt(id)).as("parked again").isEqualTo(1);

        Parking.Outcome skipped = parking.skip(READER, new StreamId("account", id)).orElseThrow();
        assertThat(skipped.failedAt()).isEmpty();
        assertThat(taken(id)).containsExactly(2);
        assertThat(parking.skip(READER, new StreamId("account", id))).as("no longer parked").isEmpty();
    }

    private int parkedAt(String id) {
        return parking.all().stream().filter(p -> p.reader().equals(READER) && p.stream().id().equals(id))
                .mapToInt(ParkedStreams.Parked::version).findFirst().orElse(0);
    }

    private static List<Integer> taken(String id) {
        return List.copyOf(FlakyAutomation.TAKEN.getOrDefault(id, List.of()));
    }

    private int viewVersion(String id) {
        AccountView row = reads.read(() -> reads.row(AccountView.class, id));
        return row == null ? 0 : row.version();
    }

    private void open(String id) {
        commands.execute(Account.TYPE, id, new AccountCommand.Open("Parked", "parked@example.org"), Expected.NEW_STREAM,
                CommandMetadata.correlatedWith(UUID.randomUUID()));
    }

    private void run(String id, AccountCommand command) {
        commands.execute(Account.TYPE, id, command, Expected.ANY_VERSION, CommandMetadata.correlatedWith(UUID.randomUUID()));
    }
}
