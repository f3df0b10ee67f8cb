package dev.zipper.account.view;

import dev.zipper.account.Account;
import dev.zipper.account.AccountEvent;
import dev.zipper.account.AccountStatus;
import dev.zipper.projection.ReadRow;
import dev.zipper.web.JsonObjects;
import jakarta.json.JsonObject;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A row of the account read table: the account as its events left it, by the domain's own rules. */
@Entity
@Table(name = "account_view")
public class AccountView extends ReadRow<AccountEvent> {

    private String name;
    private String email;
    @Enumerated(EnumType.STRING)
    private AccountStatus status;

    protected AccountView() {
    }

    AccountView(String id) {
        super(id);
    }

    @Override
    protected void apply(AccountEvent event) {
        Account account = Account.TYPE.decider().evolve(new Account(status, name, email), event);
        name = account.name();
        email = account.email();
        status = account.status();
    }

    public JsonObject toJson() {
        return JsonObjects.object()
                .add("id", id())
                .add("name", name)
                .add("email", email)
                .add("status", status.name())
                .add("version", version())
                .build();
    }
}
