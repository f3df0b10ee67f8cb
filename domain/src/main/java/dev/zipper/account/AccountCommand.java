package dev.zipper.account;

import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.Text;
import java.util.Set;

import static dev.zipper.account.AccountStatus.ACTIVE;
import static dev.zipper.account.AccountStatus.CONFIRMED;
import static dev.zipper.account.AccountStatus.PENDING;
import static dev.zipper.account.AccountStatus.SUSPENDED;

/** What can be asked of a customer account. */
public sealed interface AccountCommand {

    /** Opens a new account; name and email are required. */
    record Open(String name, String email) implements AccountCommand {
        public Open {
            name = Text.required("name", name, 200);
            email = Text.required("email", email, 254);
            if (email.indexOf('@') < 1 || email.endsWith("@")) {
                throw new InvalidCommand("email must look like name@host, got '" + email + "'");
            }
        }
    }

    /** Sets where the customer's orders are shipped; any account but an archived one. */
    record SetShippingAddress(Address address) implements AccountCommand {
        public SetShippingAddress {
            if (address == null) {
                throw new InvalidCommand("address is required");
            }
        }
    }

    /**
     * Erases the customer's personal data (name, email, addresses) from every event and view: the account
     * is archived, the log keeps every event. Any existing account; a repeat changes nothing.
     */
    record Erase() implements AccountCommand {
    }

    /** A step along the life cycle: allowed only from some states, and recorded as one event. */
    sealed interface Transition extends AccountCommand {
        /** The verb used in messages: "confirm", "activate", ... */
        String verb();

        Set<AccountStatus> allowedFrom();

        AccountEvent event();
    }

    record Confirm() implements Transition {
        public String verb() { return "confirm"; }
        public Set<AccountStatus> allowedFrom() { return Set.of(PENDING); }
        public AccountEvent event() { return new AccountEvent.Confirmed(); }
    }

    record Activate() implements Transition {
        public String verb() { return "activate"; }
        public Set<AccountStatus> allowedFrom() { return Set.of(CONFIRMED); }
        public AccountEvent event() { return new AccountEvent.Activated(); }
    }

    record Suspend() implements Transition {
        public String verb() { return "suspend"; }
        public Set<AccountStatus> allowedFrom() { return Set.of(ACTIVE); }
        public AccountEvent event() { return new AccountEvent.Suspended(); }
    }

    record Reactivate() implements Transition {
        public String verb() { return "reactivate"; }
        public Set<AccountStatus> allowedFrom() { return Set.of(SUSPENDED); }
        public AccountEvent event() { return new AccountEvent.Reactivated(); }
    }

    record Archive() implements Transition {
        public String verb() { return "archive"; }
        public Set<AccountStatus> allowedFrom() { return Set.of(ACTIVE, SUSPENDED); }
        public AccountEvent event() { return new AccountEvent.Archived(); }
    }
}
