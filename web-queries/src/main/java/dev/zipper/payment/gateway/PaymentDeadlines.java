package dev.zipper.payment.gateway;

import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentCommand;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Times out every payment the gateway has left unanswered for {@code zipper.payment.timeout-seconds}
 * (default 5): one whose gateway never answers, and one whose request was lost with a server that died
 * while asking. Every two seconds, on every server (a payment keeps the first answer, so two servers
 * timing one out change nothing more than one).
 */
@Singleton
public class PaymentDeadlines {

    private static final Logger LOG = Logger.getLogger(PaymentDeadlines.class.getName());

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Inject
    private Commands commands;

    @Inject
    @ConfigProperty(name = "zipper.payment.timeout-seconds", defaultValue = "5")
    private long timeoutSeconds;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each time-out its own command and transaction
    void timeOutUnanswered() {
        try {
            for (String payment : unansweredSince(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(timeoutSeconds))) {
                commands.execute(Payment.TYPE, payment, new PaymentCommand.TimeOut(), Expected.ANY_VERSION,
                        CommandMetadata.correlatedWith(UUID.randomUUID()));
            }
        } catch (EventLogFailure | PersistenceException e) {
            LOG.fine(() -> "Payments not checked for a timeout: " + e);
        }
    }

    /** Payments still requested whose request was recorded before the cutoff (its time is the log's). */
    @SuppressWarnings("unchecked") // a native query of one text column
    private List<String> unansweredSince(OffsetDateTime cutoff) {
        return em.createNativeQuery("SELECT p.id FROM payment_view p JOIN events e ON e.position = p.last_position "
                        + "WHERE p.status = 'REQUESTED' AND e.recorded_at < ?")
                .setParameter(1, cutoff)
                .setMaxResults(100)
                .getResultList();
    }
}
