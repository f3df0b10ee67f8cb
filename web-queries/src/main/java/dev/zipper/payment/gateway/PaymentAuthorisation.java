package dev.zipper.payment.gateway;

import dev.zipper.commands.CommandMetadata;
import dev.zipper.commands.Commands;
import dev.zipper.commands.Expected;
import dev.zipper.domain.AggregateType;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.payment.Payment;
import dev.zipper.payment.PaymentCommand;
import dev.zipper.payment.PaymentEvent;
import dev.zipper.payment.PaymentStatus;
import dev.zipper.projection.Automation;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a requested payment to the gateway and records its answer when it comes. The delivery does not
 * wait for it: a slow gateway must not hold the read side's sessions (they also feed every projection).
 * An answer that never comes, or is lost with the server, is left to {@link PaymentDeadlines}. A
 * redelivered request finds the payment answered and does nothing; one that races the first is asked
 * twice, and the payment keeps the first answer.
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
        if (!(event instanceof PaymentEvent.Requested requested) || !stillRequested(id)) {
            return;
        }
        UUID correlation = recorded.metadata().correlationId();
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

    private boolean stillRequested(String id) {
        return commands.state(Payment.TYPE, id).map(known -> known.state().status() == PaymentStatus.REQUESTED).orElse(false);
    }
}
