package dev.zipper.payment.gateway;

import dev.zipper.commands.Causes;
import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.commands.StreamStates;
import dev.zipper.domain.AggregateType;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentCommand;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.payment.PaymentStatus;
import dev.zipper.reactions.Automation;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a requested payment to the gateway and records its answer when it comes. First the payment is
 * submitted, a command of its own that commits before the gateway is asked: its deadline
 * ({@link PaymentDeadlines}) runs from then, however far behind the read side delivered the request, and
 * only the delivery that submitted it asks (a redelivery, or one racing it, finds it submitted). The
 * delivery does not wait for the answer: a slow gateway must not hold the read side's sessions (they also
 * feed every projection). An answer that never comes, or is lost with the server, is left to the deadline.
 */
@ApplicationScoped
public class PaymentAuthorisation implements Automation<PaymentEvent> {

    private static final Logger LOG = Logger.getLogger(PaymentAuthorisation.class.getName());

    @Inject
    private PaymentGateway gateway;

    @Inject
    private Commands commands;

    @Resource
    private ManagedExecutorService executor;

    @Override
    public AggregateType<?, PaymentEvent, ?> follows() {
        return Payment.TYPE;
    }

    @Override
    public void on(PaymentEvent event, RecordedEvent recorded) {
        String id = recorded.streamId();
        UUID correlation = recorded.metadata().correlationId();
        if (!(event instanceof PaymentEvent.Requested requested) || !submitted(id, correlation)) {
            return;
        }
        gateway.authorise(id, requested.amount(), requested.card()).whenCompleteAsync((answer, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "The payment gateway failed on payment " + id + "; it will time out", failure);
                return;
            }
            PaymentCommand command = answer.authorised() ? new PaymentCommand.Authorise(answer.reference())
                    : new PaymentCommand.Decline(answer.reason());
            commands.execute(Payment.TYPE, id, command, Expected.ANY_VERSION, CommandMetadata.correlatedWith(correlation));
        }, executor);
    }

    /** Whether this delivery submitted the payment: false if it was submitted or answered already. */
    private boolean submitted(String id, UUID correlation) {
        Optional<StreamStates.Known<Payment>> known = commands.state(Payment.TYPE, id);
        if (known.isEmpty() || known.get().state().status() != PaymentStatus.REQUESTED) {
            return false;
        }
        try {
            commands.execute(Payment.TYPE, id, new PaymentCommand.Submit(), Expected.version(known.get().version()),
                    CommandMetadata.correlatedWith(correlation));
            return true;
        } catch (RuntimeException e) {
            if (Causes.include(e, ConcurrencyConflict.class)) {
                return false; // another delivery submitted it a moment ago
            }
            throw e;
        }
    }
}
