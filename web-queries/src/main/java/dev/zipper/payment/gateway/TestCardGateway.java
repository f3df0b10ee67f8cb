package dev.zipper.payment.gateway;

import dev.zipper.payment.Card;
import dev.zipper.payment.TestCards;
import dev.zipper.pricing.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The built-in gateway: deterministic by card number ({@link TestCards}), so every path can be shown by hand. */
@ApplicationScoped
public class TestCardGateway implements PaymentGateway {

    @Override
    public CompletionStage<Answer> authorise(String paymentId, Money amount, Card card) {
        return switch (card.number()) {
            case TestCards.DECLINED -> CompletableFuture.completedFuture(Answer.declinedFor("card declined"));
            case TestCards.INSUFFICIENT_FUNDS -> CompletableFuture.completedFuture(Answer.declinedFor("insufficient funds"));
            case TestCards.NO_ANSWER -> new CompletableFuture<>();
            default -> CompletableFuture.completedFuture(Answer.authorisedAs("test-" + paymentId));
        };
    }
}
