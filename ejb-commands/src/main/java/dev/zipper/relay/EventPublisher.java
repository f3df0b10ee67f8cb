package dev.zipper.relay;

import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;

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
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createTopic(Topics.EVENTS));
            for (RecordedEvent event : events) {
                TextMessage message = session.createTextMessage();
                EventMessage.write(event, message);
                producer.send(message);
            }
            if (transacted) {
                session.commit();
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not publish " + events.size() + " events: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }
}
