package dev.zipper.relay;

import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import dev.zipper.tracing.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends recorded events to the events topic, in the order given, outside any JTA transaction: the broker
 * is the only resource, so a batch is one local broker transaction (the connection factory allows local
 * transactions: jms-config), committed in one round trip, where an XA one took four (start, timeout, end,
 * commit) and held each hop of the store's processes 4-9 ms (bench/RESULTS.md, issue 25).
 */
@Stateless
public class EventPublisher {

    /** Looked up rather than an injected JMSContext, whose lookup name differs on Payara Micro. */
    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Inject
    private Traces traces;

    @Inject
    private LogIdentity identity;

    /**
     * The batch as one broker transaction: sent whole or not at all, one journal write. Artemis rejects
     * the whole transaction if any message in it is a duplicate, so use this only for events that
     * cannot have been sent before. (A Session, not a JMSContext: the resource adapter refuses a
     * transacted JMSContext outside JTA even where local transactions are allowed.)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publishBatch(List<RecordedEvent> events) {
        send(events, true);
    }

    /**
     * Each event sent on its own: the broker drops, one by one, those it has already received. For
     * events that may have been sent before (after a crash or a failed send).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publishEach(List<RecordedEvent> events) {
        send(events, false);
    }

    /** Opens and closes a connection to the broker: for the readiness check. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void connect() {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.getMetaData();
        }
    }

    private void send(List<RecordedEvent> events, boolean transacted) {
        List<Span> spans = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createTopic(Topics.EVENTS));
            UUID log = identity.current().orElseThrow(() -> new IllegalStateException("Nothing to publish: the log is empty"));
            for (RecordedEvent event : events) {
                TextMessage message = session.createTextMessage();
                EventMessage.write(traced(event, spans), log, message);
                producer.send(message);
            }
            if (transacted) {
                session.commit();
            }
        } catch (JMSException e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.getMessage()));
            throw new JMSRuntimeException("Could not publish " + events.size() + " events: " + e.getMessage(),
                    e.getErrorCode(), e);
        } finally {
            spans.forEach(Span::end); // once the broker has the batch
        }
    }

    /**
     * The event as published: an event appended in a trace goes in a span of that trace (a child of the
     * command's), whose context the message carries on; one appended with tracing off goes as it is.
     */
    private RecordedEvent traced(RecordedEvent event, List<Span> spans) {
        EventMetadata appended = event.metadata();
        if (appended.trace() == null) {
            return event;
        }
        Span span = traces.start("publish " + event.type(), SpanKind.PRODUCER, appended.trace(), Map.of(
                "messaging.system", "activemq", "messaging.destination.name", Topics.EVENTS,
                "zipper.position", Long.toString(event.position())));
        spans.add(span);
        return new RecordedEvent(event.position(), event.streamType(), event.streamId(), event.streamVersion(), event.type(),
                event.schemaVersion(), event.payload(), new EventMetadata(appended.eventId(), appended.correlationId(),
                appended.causationId(), appended.actor(), appended.owner(), Traces.of(span)), event.recordedAt());
    }
}
