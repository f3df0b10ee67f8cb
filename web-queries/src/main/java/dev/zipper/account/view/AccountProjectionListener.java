package dev.zipper.account.view;

import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import dev.zipper.projection.ProjectionCounters;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Feeds {@link AccountProjection} from the account topic, on a durable subscription so that nothing
 * published while the application is down is missed. Several sessions consume in parallel; the relay
 * sets JMSXGroupID to the stream id, so the broker hands all of one account's events to one session,
 * in order, while other accounts are projected alongside.
 * <p>
 * Delivery is not transacted (no XA): the projection commits its own transaction, then the message is
 * acknowledged. A crash in between redelivers a message already applied, which the projection drops
 * as a duplicate; a failure rolls the session back and the broker redelivers later. An XA delivery
 * would instead leave a transaction in doubt on the broker when the server dies, holding its messages
 * until the transaction manager's recovery resolves it, minutes later.
 */
@MessageDriven(activationConfig = {
        // the broker's topic name, not a JNDI name: the same on every server
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Topics.ACCOUNT_EVENTS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "zipper-account-view"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = AccountProjection.NAME),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountProjectionListener implements MessageListener {

    @Inject
    private AccountProjection projection;

    @Inject
    private ProjectionCounters counters;

    @Override
    public void onMessage(Message message) {
        try (ProjectionCounters.InFlight handling = counters.handling(AccountProjection.NAME)) {
            projection.apply(EventMessage.read(message));
        }
    }
}
