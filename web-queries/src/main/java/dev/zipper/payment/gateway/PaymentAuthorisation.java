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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes a requested payment to the gateway and records its answer, or that it gave none within
 * {@code zipper.payment.timeout-seconds} (default 5). A redelivered request finds the payment answered
 * and does nothing; one that races the first is answered twice, and the payment keeps the first answer.
 * Should the server die while waiting, the request is redelivered after the restart and asked again.
 */
@ApplicationScoped
public class PaymentAuthorisation implements Automation<PaymentEvent> {

    @Inject
    private PaymentGateway gateway;

    @Inject
    private Commands commands;

    @Inject
    @ConfigProperty(name = "zipper.payment.timeout-seconds", defaultValue = "5")
    private long timeoutSeconds;

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
        PaymentCommand answer;
        try {
            PaymentGateway.Answer given = gateway.authorise(id, requested.amount(), requested.card())
                    .toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
            answer = given.authorised() ? new PaymentCommand.Authorise(given.reference())
                    : new PaymentCommand.Decline(given.reason());
        } catch (TimeoutException e) {
            answer = new PaymentCommand.TimeOut();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The payment gateway failed on payment " + id, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the payment gateway", e);
        }
        commands.execute(Payment.TYPE, id, answer, Expected.ANY_VERSION,
                CommandMetadata.correlatedWith(recorded.metadata().correlationId()));
    }

    private boolean stillRequested(String id) {
        return commands.state(Payment.TYPE, id).map(known -> known.state().status() == PaymentStatus.REQUESTED).orElse(false);
    }
}
