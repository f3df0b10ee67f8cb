package dev.zipper.account.view;

import dev.zipper.account.Account;
import dev.zipper.account.AccountEvent;
import dev.zipper.domain.AggregateType;
import dev.zipper.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

/** account_view: one row per account, as its events left it. */
@ApplicationScoped
public class AccountProjection implements Projection<AccountEvent, AccountView> {

    public static final String NAME = "account-view";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AggregateType<?, AccountEvent, ?> follows() {
        return Account.TYPE;
    }

    @Override
    public Class<AccountView> rows() {
        return AccountView.class;
    }

    @Override
    public AccountView newRow(String accountId) {
        return new AccountView(accountId);
    }
}
