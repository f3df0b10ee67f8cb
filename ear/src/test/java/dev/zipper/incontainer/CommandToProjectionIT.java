package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountStatus;
import dev.zipper.account.commands.AccountCommands;
import dev.zipper.account.view.AccountViews;
import dev.zipper.commands.CommandResult;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.migrations.Schema;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
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
        return Deployments.withTests(CommandToProjectionIT.class);
    }

    @Inject
    AccountCommands commands;

    @Inject
    AccountViews views;

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
        CommandResult opened = commands.open(new AccountCommand.Open("Grace", "grace@example.org"));
        commands.execute(opened.id(), new AccountCommand.Confirm());
        CommandResult activated = commands.execute(opened.id(), new AccountCommand.Activate());

        assertThat(activated.version()).isEqualTo(3);
        assertThat(activated.position()).isGreaterThan(opened.position());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(views.find(opened.id())).hasValueSatisfying(view -> {
                    assertThat(view.toJson().getString("status")).isEqualTo(AccountStatus.ACTIVE.name());
                    assertThat(view.toJson().getInt("version")).isEqualTo(3);
                    assertThat(view.toJson().getString("email")).isEqualTo("grace@example.org");
                }));
        assertThat(views.withStatus(AccountStatus.ACTIVE)).anySatisfy(view ->
                assertThat(view.toJson().getString("id")).isEqualTo(opened.id()));
    }

    @Test
    void a_refused_command_rolls_back_and_leaves_the_stream_as_it_was() {
        CommandResult opened = commands.open(new AccountCommand.Open("Linus", "linus@example.org"));

        // the refusal's type depends on the container (Payara Micro, with the EJBs in a WAR, wraps it in an
        // EJBException; the HTTP layer unwraps it), so the test holds to what it says and what it undid
        assertThatThrownBy(() -> commands.execute(opened.id(), new AccountCommand.Activate()))
                .hasMessageContaining("Cannot activate an account that is PENDING");

        List<RecordedEvent> stream = new EventLog(dataSource, EventLog.Transactions.LOCAL).readStream(opened.id(), 0);
        assertThat(stream).extracting(RecordedEvent::type).containsExactly("account.opened");
    }
}
