package dev.zipper.relay;

import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;

/**
 * Sends recorded events to the events topic, in the order given. A session bean rather than a
 * CDI bean with @Transactional: called from the relay's managed thread, only an EJB call made Payara
 * enlist the JMS connection in the transaction (else nothing was sent).
 */
@Stateless
public class EventPublisher {

    /** Looked up rather than an injected JMSContext, whose lookup name differs on Payara Micro. */
    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private ConnectionFactory connectionFactory;

    /**
     * The batch as one broker transaction: sent whole or not at all, one journal write. Artemis rejects
     * the whole transaction if any message in it is a duplicate, so use this only for events that
     * cannot have been sent before.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publishBatch(List<RecordedEvent> events) {
        send(events);
    }

    /**
     * Each event sent on its own: the broker drops, one by one, those it has already received. For
     * events that may have been sent before (after a crash or a failed send).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publishEach(List<RecordedEvent> events) {
        send(events);
    }

    /** Opens and closes a connection to the broker: for the readiness check. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void connect() {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.getMetaData();
        }
    }

    private void send(List<RecordedEvent> events) {
        try (JMSContext jms = connectionFactory.createContext()) {
            JMSProducer producer = jms.createProducer();
            Topic topic = jms.createTopic(Topics.EVENTS);
            for (RecordedEvent event : events) {
                TextMessage message = jms.createTextMessage();
                EventMessage.write(event, message);
                producer.send(topic, message);
            }
        }
    }
}
