package dev.zipper.account.view;

import dev.zipper.account.Account;
import dev.zipper.account.AccountEvent;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.messaging.EventMessage;
import dev.zipper.messaging.Topics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Projects account events into account_view, on a durable subscription so that nothing published
 * while the application is down is missed. The view row records the last stream version applied, so
 * a duplicate or an older event changes nothing. One session keeps the topic's order.
 */
@MessageDriven(activationConfig = {
        // the broker's topic name, not a JNDI name: the same on every server
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Topics.ACCOUNT_EVENTS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "zipper-account-view"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "account-view"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class AccountProjection implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AccountProjection.class.getName());
    private static final EventCodec<AccountEvent> CODEC = new EventCodec<>(AccountEvent.class);

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Override
    public void onMessage(Message message) {
        apply(EventMessage.read(message));
    }

    void apply(RecordedEvent event) {
        AccountEvent accountEvent = CODEC.decode(event);
        AccountView view = em.find(AccountView.class, event.streamId());
        if (view == null) {
            if (!(accountEvent instanceof AccountEvent.Opened)) {
                LOG.warning(() -> "Skipping " + event.type() + " v" + event.streamVersion() + " of unknown account "
                        + event.streamId());
                return;
            }
            view = new AccountView(event.streamId());
            view.update(Account.NONE.evolve(accountEvent), event.streamVersion(), event.position());
            em.persist(view);
        } else if (event.streamVersion() > view.version()) {
            view.update(view.account().evolve(accountEvent), event.streamVersion(), event.position());
        }
    }
}
