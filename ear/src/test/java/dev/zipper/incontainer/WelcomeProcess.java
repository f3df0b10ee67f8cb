package dev.zipper.incontainer;

import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountEvent;
import dev.zipper.domain.EventType;
import dev.zipper.domain.Issued;
import dev.zipper.domain.ProcessType;
import dev.zipper.domain.Reaction;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Optional;

/**
 * A small process for the tests: an account opened under the name "Welcome" is confirmed at once, and
 * the process remembers that it welcomed it. Other accounts are none of its business.
 */
@Dependent
public class WelcomeProcess {

    public static final String NAME = "Welcome";

    @Produces
    public static final ProcessType<Followed, WelcomeEvent, Boolean> TYPE = new ProcessType<>("welcome", WelcomeEvent.class,
            Followed.class, false, (welcomed, event) -> true);

    /** The one event it follows: an account opened under the name Welcome is confirmed, once. */
    public sealed interface Followed extends dev.zipper.domain.Followed<Boolean, WelcomeEvent> permits Opened {
    }

    public record Opened(String accountId, AccountEvent.Opened opened) implements Followed {
        public Optional<String> instance() {
            return opened.name().equals(NAME) ? Optional.of(accountId) : Optional.empty();
        }

        public Reaction<WelcomeEvent> react(Boolean welcomed) {
            return welcomed ? Reaction.nothing() : new Reaction<>(List.of(new Welcomed(accountId)),
                    List.of(Issued.to(Account.TYPE, accountId, new AccountCommand.Confirm())));
        }
    }

    public sealed interface WelcomeEvent permits Welcomed {
    }

    @EventType(name = "welcome.welcomed", version = 1)
    public record Welcomed(String accountId) implements WelcomeEvent {
    }
}
