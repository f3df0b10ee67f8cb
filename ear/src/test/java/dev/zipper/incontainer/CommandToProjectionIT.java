package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountEndpoints;
import dev.zipper.account.AccountEvent;
import dev.zipper.account.AccountStatus;
import dev.zipper.account.AccountView;
import dev.zipper.account.Address;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.CommandResult;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.commands.IdempotencyKey;
import dev.zipper.commands.IdempotencyKeys;
import dev.zipper.edge.RowJson;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.migrations.Schema;
import dev.zipper.process.ProcessRunner;
import dev.zipper.readside.ProjectionCounters;
import dev.zipper.readside.Projector;
import dev.zipper.readside.RowReads;
import dev.zipper.relay.EventPublisher;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Runs inside the server (WildFly with the EAR, Payara Micro with the same modules as one WAR): the
 * real command bean, event store, JMS topic on Artemis, message-driven bean and read table.
 */
@ExtendWith(ArquillianExtension.class)
class CommandToProjectionIT {

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(CommandToProjectionIT.class, WelcomeProcess.class);
    }

    private static final Address PARIS = new Address("12 Rue de la Paix", null, "75002", "Paris", null, "FR");

    @Inject
    Commands commands;

    @Inject
    IdempotencyKeys keys;

    @Inject
    RowReads reads;

    @Inject
    Projector projector;

    @Inject
    ProjectionCounters counters;

    @Inject
    EventPublisher publisher;

    @Inject
    ProcessRunner processes;


    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void the_schema_is_migrated_when_the_application_starts() {
        Flyway flyway = Schema.flyway(dataSource);

        assertThat(flyway.info().pending()).isEmpty();
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty();
        assertThat(applied[applied.length - 1].getDescription()).isNotBlank();
    }

    @Test
    void a_command_reaches_the_read_table_through_the_topic() {
        CommandResult opened = open(new AccountCommand.Open("Grace", "grace@example.org"));
        run(opened.id(), new AccountCommand.Confirm());
        CommandResult activated = run(opened.id(), new AccountCommand.Activate());

        assertThat(activated.version()).isEqualTo(3);
        assertThat(activated.position()).isGreaterThan(opened.position());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(view(opened.id())).hasValueSatisfying(view -> {
                    assertThat(view.getString("status")).isEqualTo(AccountStatus.ACTIVE.name());
                    assertThat(view.getInt("version")).isEqualTo(3);
                    assertThat(view.getString("email")).isEqualTo("grace@example.org");
                }));
        // the first ACTIVE account after a key just below this one's id is this one
        String justBefore = opened.id().substring(0, opened.id().length() - 1);
        assertThat(reads.page(AccountView.class, "r.status = :status", Map.of("status", AccountStatus.ACTIVE), justBefore, 1))
                .singleElement().satisfies(view -> assertThat(view.id()).isEqualTo(opened.id()));
    }

    @Test
    void a_refused_command_rolls_back_and_leaves_the_stream_as_it_was() {
        CommandResult opened = open(new AccountCommand.Open("Linus", "linus@example.org"));

        // the refusal's type depends on the container (Payara Micro, with the EJBs in a WAR, wraps it in an
        // EJBException; the HTTP layer unwraps it), so the test holds to what it says and what it undid
        assertThatThrownBy(() -> run(opened.id(), new AccountCommand.Activate()))
                .hasMessageContaining("Cannot activate an account that is PENDING");

        List<RecordedEvent> stream = log().readStream(new StreamId("account", opened.id()), 0);
        assertThat(stream).extracting(RecordedEvent::type).containsExactly("account.opened");
    }

    @Test
    void every_event_a_command_appends_records_its_command_and_correlation() {
        UUID correlation = UUID.randomUUID();
        CommandMetadata metadata = CommandMetadata.correlatedWith(correlation);
        CommandResult opened = commands.execute(Account.TYPE, UUID.randomUUID().toString(),
                new AccountCommand.Open("Ida", "ida@example.org"), Expected.NEW_STREAM, metadata);

        RecordedEvent event = log().readStream(new StreamId("account", opened.id()), 0).get(0);
        assertThat(event.streamType()).isEqualTo("account");
        assertThat(event.metadata().correlationId()).isEqualTo(correlation);
        assertThat(event.metadata().causationId()).isEqualTo(metadata.commandId());
        assertThat(event.metadata().eventId()).isNotIn(correlation, metadata.commandId());
    }

    @Test
    void a_command_decides_on_what_another_server_appended_since_the_last_command_here() {
        CommandResult opened = open(new AccountCommand.Open("Barbara", "barbara@example.org"));
        // the state after the opening is kept here; another server confirms the account meanwhile
        log().append(new StreamId("account", opened.id()), 1, events(new AccountEvent.Confirmed()));

        CommandResult activated = run(opened.id(), new AccountCommand.Activate());

        assertThat(activated.version()).isEqualTo(3);
        assertThat(log().readStream(new StreamId("account", opened.id()), 0)).extracting(RecordedEvent::type)
                .containsExactly("account.opened", "account.confirmed", "account.activated");
    }

    @Test
    void an_event_ahead_of_the_view_is_applied_after_its_predecessors_and_a_duplicate_changes_nothing() {
        String id = UUID.randomUUID().toString();
        List<RecordedEvent> stream = log().append(new StreamId("account", id), 0, events(
                new AccountEvent.Opened("Ada", "ada@example.org"), new AccountEvent.Confirmed(), new AccountEvent.Activated()))
                .events();

        // delivered straight away, before the relay (which polls the log) has published versions 1 and 2
        projector.apply(AccountEndpoints.VIEW, stream.get(2));
        assertThat(view(id)).hasValueSatisfying(view -> {
            assertThat(view.getString("status")).isEqualTo(AccountStatus.ACTIVE.name());
            assertThat(view.getInt("version")).isEqualTo(3);
            assertThat(view.getString("name")).isEqualTo("Ada");
        });

        projector.apply(AccountEndpoints.VIEW, stream.get(1));
        assertThat(view(id)).hasValueSatisfying(view -> {
            assertThat(view.getString("status")).isEqualTo(AccountStatus.ACTIVE.name());
            assertThat(view.getInt("version")).isEqualTo(3);
        });
    }

    @Test
    void events_published_again_as_after_a_crash_change_nothing() {
        CommandResult opened = open(new AccountCommand.Open("Margaret", "margaret@example.org"));
        await().atMost(Duration.ofSeconds(20)).until(() -> view(opened.id()).isPresent());

        // what the relay does with a batch it may have sent before it died: the broker drops the copies
        publisher.publishEach(log().readStream(new StreamId("account", opened.id()), 0));
        run(opened.id(), new AccountCommand.Confirm());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(view(opened.id())).hasValueSatisfying(view -> {
                    assertThat(view.getString("status")).isEqualTo(AccountStatus.CONFIRMED.name());
                    assertThat(view.getInt("version")).isEqualTo(2);
                }));
    }

    @Test
    void many_accounts_are_projected_in_parallel_each_in_stream_order() {
        long caughtUpBefore = counter("caughtUpFromLog");
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID().toString()).toList();
        // appended straight to the log, so that the relay publishes them as one burst of interleaved streams
        for (String id : ids) {
            log().append(new StreamId("account", id), 0, events(new AccountEvent.Opened("Parallel", id + "@example.org"),
                    new AccountEvent.Confirmed(), new AccountEvent.Activated(), new AccountEvent.Suspended()));
        }
        for (String id : ids) {
            log().append(new StreamId("account", id), 4, events(new AccountEvent.Reactivated()));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(view(id)).hasValueSatisfying(view -> {
                    assertThat(view.getString("status")).isEqualTo(AccountStatus.ACTIVE.name());
                    assertThat(view.getInt("version")).isEqualTo(5);
                })));
        assertThat(counter("maxConcurrent")).as("messages handled at once").isGreaterThanOrEqualTo(2);
        // had any event arrived before its predecessor, the projection would have caught up from the log
        assertThat(counter("caughtUpFromLog")).as("events that arrived out of order").isEqualTo(caughtUpBefore);
    }

    @Test
    void a_process_issues_its_command_once_however_often_its_event_arrives() {
        String id = UUID.randomUUID().toString();
        RecordedEvent opened = log().append(new StreamId("account", id), 0,
                events(new AccountEvent.Opened(WelcomeProcess.NAME, "welcome@example.org"))).events().get(0);

        // delivered by hand twice; the relay delivers it once more, through the topic and the read side.
        // The runner remembers nothing between calls: what it has consumed is in the log, so a call after
        // a restart is one more of these.
        assertThat(handleUnlessTheRelayIsFirst(opened) + handleUnlessTheRelayIsFirst(opened))
                .as("deliveries by hand that were new to the process").isLessThanOrEqualTo(1);

        assertThat(log().readStream(new StreamId("account", id), 0)).extracting(RecordedEvent::type)
                .containsExactly("account.opened", "account.confirmed");
        List<RecordedEvent> process = log().readStream(new StreamId("welcome", id), 0);
        assertThat(process).extracting(RecordedEvent::type).containsExactly("welcome.welcomed", "process.consumed");
        RecordedEvent confirmed = log().readStream(new StreamId("account", id), 1).get(0);
        assertThat(confirmed.metadata().correlationId()).as("the command carries on the event's correlation")
                .isEqualTo(opened.metadata().correlationId());
        // the read side handles a stream's events in order, the process after the projection: once the view
        // shows the confirmation, the relay's copy of the opening has been through the process too
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(view(id)).hasValueSatisfying(view ->
                assertThat(view.getString("status")).isEqualTo(AccountStatus.CONFIRMED.name())));
        assertThat(log().readStream(new StreamId("account", id), 0)).as("after the relay's delivery too").hasSize(2);
        assertThat(log().readStream(new StreamId("welcome", id), 0)).hasSize(2);
    }

    /**
     * 1 if the process took the event as new, 0 if it had consumed it; the relay, which polls the log,
     * may deliver it at the same moment, and then one of the two appends to the process's stream loses
     * (a concurrency conflict that rolls it back, as a redelivery would be).
     */
    private int handleUnlessTheRelayIsFirst(RecordedEvent event) {
        try {
            return processes.handle(WelcomeProcess.TYPE, event) ? 1 : 0;
        } catch (RuntimeException e) {
            assertThat(e).hasStackTraceContaining(ConcurrencyConflict.class.getSimpleName());
            return 0;
        }
    }

    @Test
    void a_backlog_far_behind_the_log_is_applied_in_batches_each_event_once() {
        long batchesBefore = counter("batchesFromLog");
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID().toString()).toList();
        // 60 accounts of 41 events, appended straight to the log: the relay publishes 2,460 events far faster
        // than one transaction per event applies them
        List<AccountEvent> life = new ArrayList<>(List.of(new AccountEvent.Opened("Backlog", "backlog@example.org"),
                new AccountEvent.Confirmed(), new AccountEvent.Activated()));
        for (int i = 0; i < 19; i++) {
            life.add(new AccountEvent.Suspended());
            life.add(new AccountEvent.Reactivated());
        }
        for (String id : ids) {
            log().append(new StreamId("account", id), 0, events(life.toArray(AccountEvent[]::new)));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(view(id)).hasValueSatisfying(view -> {
                    assertThat(view.getString("status")).isEqualTo(AccountStatus.ACTIVE.name());
                    assertThat(view.getInt("version")).isEqualTo(41);
                })));
        assertThat(counter("batchesFromLog")).as("batches applied from the log").isGreaterThan(batchesBefore);
    }

    private long counter(String name) {
        return counters.toJson(AccountEndpoints.VIEW.name()).build().getJsonNumber(name).longValue();
    }

    @Test
    void a_command_with_an_idempotency_key_runs_once_until_the_key_is_purged() {
        CommandResult opened = open(new AccountCommand.Open("Keyed", "keyed@example.org"));
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString(), "f".repeat(64));
        CommandMetadata keyed = metadata().idempotent(key);
        commands.execute(Account.TYPE, opened.id(), new AccountCommand.SetShippingAddress(PARIS), Expected.ANY_VERSION, keyed);

        assertThatThrownBy(() -> commands.execute(Account.TYPE, opened.id(), new AccountCommand.SetShippingAddress(PARIS),
                Expected.ANY_VERSION, keyed)).hasMessageContaining("has been used already");
        assertThat(keys.find(key.key())).hasValueSatisfying(used -> {
            assertThat(used.fingerprint()).isEqualTo(key.fingerprint());
            assertThat(used.result()).hasValueSatisfying(result -> assertThat(result.version()).isEqualTo(2));
        });
        assertThat(log().readStream(new StreamId("account", opened.id()), 0)).hasSize(2);

        assertThat(keys.purge(Instant.now().plusSeconds(1))).isPositive();
        assertThat(keys.find(key.key())).isEmpty();
        CommandResult again = commands.execute(Account.TYPE, opened.id(), new AccountCommand.SetShippingAddress(
                new Address("1 Main St", null, "1000", "Brussels", null, "BE")), Expected.ANY_VERSION, keyed);
        assertThat(again.version()).as("a purged key is free again").isEqualTo(3);
    }

    /** A command on an existing account, as the HTTP layer sends it without an expected version. */
    private CommandResult run(String id, AccountCommand command) {
        return commands.execute(Account.TYPE, id, command, Expected.ANY_VERSION, metadata());
    }

    private CommandResult open(AccountCommand.Open command) {
        return commands.execute(Account.TYPE, UUID.randomUUID().toString(), command, Expected.NEW_STREAM, metadata());
    }

    private static CommandMetadata metadata() {
        return CommandMetadata.correlatedWith(UUID.randomUUID());
    }

    /** The account's row as GET /accounts/{id} shows it, if there is one. */
    private Optional<JsonObject> view(String id) {
        return Optional.ofNullable(reads.read(() -> reads.row(AccountView.class, id))).map(row -> RowJson.of(row, "id").build());
    }

    private EventLog log() {
        return new EventLog(dataSource, EventLog.Transactions.LOCAL);
    }

    private static List<NewEvent> events(AccountEvent... events) {
        EventCodec<AccountEvent> codec = EventCodec.of(AccountEvent.class); // in the container: JSON-B is there
        UUID cause = UUID.randomUUID();
        return Arrays.stream(events).map(e -> codec.encode(e, new EventMetadata(UUID.randomUUID(), cause, cause))).toList();
    }
}
