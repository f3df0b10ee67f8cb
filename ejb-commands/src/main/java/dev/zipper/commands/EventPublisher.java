package dev.zipper.commands;

import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;

/**
 * Sends recorded events to their aggregate's topic. The default connection factory is XA on every
 * server Zipper configures, so the sends belong to the caller's JTA transaction: they are delivered
 * only if the append commits.
 */
@ApplicationScoped
public class EventPublisher {

    /** Looked up rather than an injected JMSContext, whose lookup name differs on Payara Micro. */
    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private ConnectionFactory connectionFactory;

    public void publish(List<RecordedEvent> events) {
        try (JMSContext jms = connectionFactory.createContext()) {
            for (RecordedEvent event : events) {
                TextMessage message = jms.createTextMessage();
                EventMessage.write(event, message);
                jms.createProducer().send(topicOf(jms, event), message);
            }
        }
    }

    private static Topic topicOf(JMSContext jms, RecordedEvent event) {
        if ("account".equals(event.streamType())) {
            return jms.createTopic(Topics.ACCOUNT_EVENTS);
        }
        throw new IllegalArgumentException("No topic for stream type " + event.streamType());
    }
}
