package dev.zipper.account;

import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.domain.Personal;
import java.util.List;
import java.util.stream.Collectors;

import static dev.zipper.account.AccountStatus.ACTIVE;
import static dev.zipper.account.AccountStatus.ARCHIVED;
import static dev.zipper.account.AccountStatus.CONFIRMED;
import static dev.zipper.account.AccountStatus.PENDING;
import static dev.zipper.account.AccountStatus.SUSPENDED;

/**
 * A customer account as its events left it. {@link #decide} turns a command into events,
 * {@link #evolve} folds an event into the state; both are pure.
 */
public record Account(AccountStatus status, String name, String email, Address shippingAddress) {

    /** The state before the first event: the account does not exist yet. */
    public static final Account NONE = new Account(null, null, null, null);

    /** The account as the kernel runs it: stream type "account", events {@link AccountEvent}. */
    public static final AggregateType<AccountCommand, AccountEvent, Account> TYPE =
            new AggregateType<>("account", AccountEvent.class, Decider.of(NONE, Account::decide, Account::evolve))
                    .ownedBy((id, account) -> id); // an account is its customer

    public boolean exists() {
        return status != null;
    }

    /** Whether the customer's personal data has been erased. */
    public boolean erased() {
        return status == ARCHIVED && Personal.ERASED.equals(email);
    }

    public List<AccountEvent> decide(AccountCommand command) {
        if (command instanceof AccountCommand.Open open) {
            if (exists()) {
                throw new IllegalTransition("Cannot open an account that already exists (it is " + status + ")");
            }
            return List.of(new AccountEvent.Opened(open.name(), open.email()));
        }
        if (command instanceof AccountCommand.SetShippingAddress set) {
            if (!exists() || status == ARCHIVED) {
                throw new IllegalTransition("Cannot set the shipping address of an account that "
                        + (exists() ? "is ARCHIVED" : "does not exist"));
            }
            return List.of(new AccountEvent.ShippingAddressSet(set.address()));
        }
        if (command instanceof AccountCommand.Erase) {
            if (!exists()) {
                throw new IllegalTransition("Cannot erase an account that does not exist");
            }
            return erased() ? List.of() : List.of(new AccountEvent.Erased());
        }
        AccountCommand.Transition transition = (AccountCommand.Transition) command;
        if (!exists()) {
            throw new IllegalTransition("Cannot " + transition.verb() + " an account that does not exist");
        }
        if (!transition.allowedFrom().contains(status)) {
            throw new IllegalTransition("Cannot " + transition.verb() + " an account that is " + status
                    + "; allowed only from " + transition.allowedFrom().stream().sorted()
                    .map(Enum::name).collect(Collectors.joining(" or ")));
        }
        return List.of(transition.event());
    }

    public Account evolve(AccountEvent event) {
        if (event instanceof AccountEvent.Opened opened) {
            return new Account(PENDING, opened.name(), opened.email(), null);
        }
        if (event instanceof AccountEvent.ShippingAddressSet set) {
            return new Account(status, name, email, set.address());
        }
        if (event instanceof AccountEvent.Erased) {
            return new Account(ARCHIVED, Personal.ERASED, Personal.ERASED, null);
        }
        return new Account(statusAfter(event), name, email, shippingAddress);
    }

    private static AccountStatus statusAfter(AccountEvent event) {
        if (event instanceof AccountEvent.Confirmed) return CONFIRMED;
        if (event instanceof AccountEvent.Activated || event instanceof AccountEvent.Reactivated) return ACTIVE;
        if (event instanceof AccountEvent.Suspended) return SUSPENDED;
        if (event instanceof AccountEvent.Archived) return ARCHIVED;
        throw new IllegalArgumentException("Not a life-cycle event: " + event);
    }
}
