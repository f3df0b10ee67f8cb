package dev.zipper.incontainer;

import dev.zipper.Deployments;
import dev.zipper.account.AccountEvent;
import dev.zipper.account.AccountView;
import dev.zipper.delivery.Parking;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import dev.zipper.readside.RowReads;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the server, with the real broker: a message that carries another log's event (a broker's journal kept
 * while the server was pointed at another database) is dropped and counted; no view shows its event and
 * no stream is parked for it.
 */
@ExtendWith(ArquillianExtension.class)
class ForeignMessagesIT {

    @Deployment
    static Archive<?> deployment() {
        return Deployments.withTests(ForeignMessagesIT.class);
    }

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory connectionFactory;

    @Inject
    MeterRegistry registry;

    @Inject
    RowReads reads;

    @Inject
    Parking parking;

    @Test
    void another_logs_event_is_dropped_and_counted_and_no_view_shows_it() throws Exception {
        String id = UUID.randomUUID().toString();
        NewEvent opened = EventCodec.of(AccountEvent.class).encode(new AccountEvent.Opened("Elsewhere", "else@example.org"),
                new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        RecordedEvent theirs = new RecordedEvent(1_000_000_000L, "account", id, 1, opened.type(), opened.schemaVersion(),
                opened.payload(), opened.metadata(), Instant.now());
        double before = dropped();

        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage();
            EventMessage.write(theirs, UUID.randomUUID(), message);
            session.createProducer(session.createTopic(Topics.EVENTS)).send(message);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> dropped() > before);
        assertThat(reads.read(() -> reads.row(AccountView.class, id))).as("the account view's row").isNull();
        assertThat(parking.all()).noneMatch(parked -> parked.stream().id().equals(id));
    }

    private double dropped() {
        return registry.counter("zipper.read_side.foreign_messages").count();
    }
}
