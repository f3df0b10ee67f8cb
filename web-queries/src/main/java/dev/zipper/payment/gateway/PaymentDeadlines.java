package dev.zipper.payment.gateway;

import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.leadership.Leadership;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentCommand;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
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
 * (default 5) after it was submitted ({@link PaymentAuthorisation}): one whose gateway never answers, and
 * one whose gateway call was lost with a server that died while asking. A payment requested but not yet
 * submitted (its request still on its way through a read side that is behind) was asked of nobody, and
 * waits. A sweep starts two seconds after the last one ended, so sweeps never pile up, and sweeps only on
 * the instance that leads ({@link Leadership}; a payment keeps its first answer, so two instances that
 * both believe they lead for a moment change nothing more than one).
 */
@Singleton
@Startup
public class PaymentDeadlines {

    private static final Logger LOG = Logger.getLogger(PaymentDeadlines.class.getName());
    private static final long SWEEP_MILLIS = 2_000;

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Inject
    private Commands commands;

    @Inject
    private Leadership leadership;

    @Resource
    private TimerService timers;

    @Inject
    @ConfigProperty(name = "zipper.payment.timeout-seconds", defaultValue = "5")
    private long timeoutSeconds;

    @PostConstruct
    void start() {
        next();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each time-out its own command and transaction
    void timeOutUnanswered() {
        try {
            if (!leadership.leads()) {
                return;
            }
            for (String payment : submittedBefore(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(timeoutSeconds))) {
                commands.execute(Payment.TYPE, payment, new PaymentCommand.TimeOut(), Expected.ANY_VERSION,
                        CommandMetadata.correlatedWith(UUID.randomUUID()));
            }
        } catch (EventLogFailure | PersistenceException e) {
            LOG.fine(() -> "Payments not checked for a timeout (the database is away?): " + e);
        } catch (RuntimeException e) {
            // not thrown on: the container would run this timer again, beside the next one
            LOG.warning(() -> "Payments not checked for a timeout: " + e);
        } finally {
            next();
        }
    }

    private void next() {
        timers.createSingleActionTimer(SWEEP_MILLIS, new TimerConfig(null, false));
    }

    /** Payments still submitted whose submission was recorded before the cutoff (its time is the log's). */
    @SuppressWarnings("unchecked") // a native query of one text column
    private List<String> submittedBefore(OffsetDateTime cutoff) {
        return em.createNativeQuery("SELECT p.id FROM payment_view p JOIN events e ON e.position = p.last_position "
                        + "WHERE p.status = 'SUBMITTED' AND e.recorded_at < ?")
                .setParameter(1, cutoff)
                .setMaxResults(100)
                .getResultList();
    }
}
