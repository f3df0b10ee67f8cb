package dev.zipper.account;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.edge.Exposure.Filter;
import dev.zipper.edge.Exposure;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.Schemas;
import dev.zipper.http.PathIds;
import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.RequestRefused;
import dev.zipper.readside.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Accounts over HTTP: /accounts. */
@ApplicationScoped
public class AccountEndpoints implements Operations {

    /** account_view, as the read side feeds it. */
    @Produces
    public static final Projection<AccountEvent, AccountView> VIEW = new Projection<>("account-view", Account.TYPE,
            AccountView.class, AccountView::new);

    @Override
    public List<Route> routes() {
        return Exposure.of(Account.TYPE, "accounts", Access.owner(Role.STAFF))
                .opens("Open an account; a customer's own has their token's subject as its id", AccountCommand.Open.class,
                        (call, open) -> call.own().map(AccountEndpoints::idOf).orElseGet(() -> UUID.randomUUID().toString()),
                        Function.identity())
                .command("address", "Set where the customer's orders are shipped (any account but an archived one)",
                        Address.class, AccountCommand.SetShippingAddress::new)
                .command("confirm", "Confirm a PENDING account", AccountCommand.Confirm.class)
                .command("activate", "Activate a CONFIRMED account", AccountCommand.Activate.class)
                .by(Access.roles(Role.STAFF))
                .command("suspend", "Suspend an ACTIVE account", AccountCommand.Suspend.class)
                .command("reactivate", "Reactivate a SUSPENDED account", AccountCommand.Reactivate.class)
                .by(Access.owner(Role.STAFF))
                .command("archive", "Archive an account; it takes no more commands", AccountCommand.Archive.class)
                .command("erase", "Erase the customer's personal data (name, email, addresses) from every event and view, "
                        + "the log keeping every event; the account is archived", AccountCommand.Erase.class)
                .view("One account, as projected", VIEW, "id")
                .list("Accounts by id, a page at a time, optionally with one status; a customer sees their own", VIEW, "id",
                        Map.of("status", Schemas.oneOf(AccountStatus.class)),
                        call -> {
                            Filter status = QueryParameters.oneOf("status", call.query("status"), AccountStatus.class)
                                    .map(wanted -> Filter.ALL.and("r.status = :status", "status", wanted)).orElse(Filter.ALL);
                            return call.own().map(me -> status.and("r.id = :me", "me", me)).orElse(status);
                        })
                .routes();
    }

    /** A customer's own account: their token's subject, which must fit the log's stream ids. */
    private static String idOf(String subject) {
        if (subject.length() > PathIds.MAX_LENGTH) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, "A token subject of " + subject.length()
                    + " characters cannot name an account (at most " + PathIds.MAX_LENGTH + ")");
        }
        return subject;
    }
}
