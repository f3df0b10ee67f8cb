package dev.zipper.delivery;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import dev.zipper.relay.LogIdentity;
import dev.zipper.tracing.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The application's one message listener: every event, on a durable subscription so that nothing
 * published while the application is down is missed, handed to each process that follows it, then to
 * each projection, then to each automation ({@link Readers}), each in its own transaction (an automation
 * in none), each race it loses settled there ({@link Races}). Processes come
 * first: they read the log, not the views, and each hop of a process (an order's checkout to its payment
 * takes five) no longer waits for the event's projections to commit. An event nobody follows is
 * acknowledged and forgotten. Should one of them fail, the message is redelivered and those that had
 * handled it drop it as a duplicate; should one still fail it on the third delivery, the event's stream is
 * parked for that one alone ({@link Parking}). Several sessions
 * consume in parallel; the relay sets JMSXGroupID to the stream, so the broker hands all of one
 * stream's events to one session, in order, while other streams are handled alongside. Instances that
 * share the database share the subscription too ({@code shareSubscriptions}): the broker hands each
 * message to one session of one of them.
 * <p>
 * Delivery is not transacted (no XA): each projection commits its own transaction, then the message
 * is acknowledged. A crash in between redelivers a message already applied, which the projections drop
 * as a duplicate; a failure ({@link NotHandled}, one line in the log) rolls the session back and the
 * broker redelivers later. An XA delivery would instead leave a transaction in doubt on the broker when
 * the server dies, holding its messages until the transaction manager's recovery resolves it, minutes later.
 * <p>
 * A message from another log (a broker's journal kept while the database was changed) is dropped with a
 * warning and counted ({@code zipper_read_side_foreign_messages_total}): its events are not in this log.
 * <p>
 * An event published in a trace is delivered in a span of that trace ({@link Traces}), each reader's
 * part in a span of its own, and what a process issues in turn in theirs.
 */
@MessageDriven(activationConfig = {
        // the broker's topic name, not a JNDI name: the same on every server
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Topics.EVENTS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "zipper-read-side"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "read-side"),
        // one subscription for every instance of the application: each message goes to one of them
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventDelivery implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EventDelivery.class.getName());

    @Inject
    private Readers readers;

    @Inject
    private EventLog log;

    @Inject
    private Parking parking;

    @Inject
    private Traces traces;

    @Inject
    private LogIdentity identity;

    private Counter foreign;

    @Inject
    void measure(MeterRegistry registry) {
        foreign = Counter.builder("zipper.read_side.foreign_messages")
                .description("Messages dropped because they carry another log's events").register(registry);
    }

    @Override
    public void onMessage(Message message) {
        RecordedEvent received = EventMessage.read(message);
        if (!identity.holds(EventMessage.log(message))) {
            foreign.increment();
            LOG.warning(() -> "Dropped a message from another log: " + received.stream() + " v" + received.streamVersion()
                    + " (" + received.type() + ", position " + received.position() + ") is not this log's event");
            return;
        }
        if (received.metadata().trace() == null) {
            deliver(received, message);
            return;
        }
        // the trace the relay's publication carried on: this delivery, then each reader's part, is in it
        traces.inSpan("deliver " + received.type(), SpanKind.CONSUMER, received.metadata().trace(), Map.of(
                "messaging.system", "activemq", "messaging.destination.name", Topics.EVENTS,
                "zipper.position", Long.toString(received.position())), () -> {
                    deliver(received, message);
                    return null;
                });
    }

    private void deliver(RecordedEvent received, Message message) {
        // the relay publishes personal data sealed, as the log stores it: opened here, or erased
        RecordedEvent event = openedOrRedelivered(received);
        for (Readers.Reader reader : readers.following(event)) {
            if (parking.holds(reader.name(), event.stream())) {
                continue; // taken from the log, in order, when an operator retries or skips
            }
            try {
                take(reader, event);
            } catch (RuntimeException e) {
                if (!parking.parks(delivery(message), e)) {
                    throw new NotHandled(event, e);
                }
                park(reader, event, e);
            }
        }
    }

    private void take(Readers.Reader reader, RecordedEvent event) {
        if (event.metadata().trace() == null) {
            reader.take(event, stream -> parking.holds(reader.name(), stream));
            return;
        }
        traces.inSpan(reader.name(), SpanKind.INTERNAL, null, Map.of("zipper.reader", reader.name()), () -> {
            reader.take(event, stream -> parking.holds(reader.name(), stream));
            return null;
        });
    }

    private RecordedEvent openedOrRedelivered(RecordedEvent event) {
        try {
            return log.open(event);
        } catch (RuntimeException e) {
            throw new NotHandled(event, e);
        }
    }

    /** Parks the stream for the reader; if the database cannot take that either, the message comes again. */
    private void park(Readers.Reader reader, RecordedEvent event, RuntimeException failure) {
        try {
            parking.park(reader.name(), event, failure);
        } catch (RuntimeException notParked) {
            throw new NotHandled(event, failure);
        }
    }

    /** Which delivery of the message this is: 1 the first time, more when the broker redelivers it. */
    private static int delivery(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException e) {
            return 1;
        }
    }
}
