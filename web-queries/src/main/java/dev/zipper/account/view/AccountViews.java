package dev.zipper.account.view;

import dev.zipper.account.AccountStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads the account read table. */
@ApplicationScoped
public class AccountViews {

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    public Optional<AccountView> find(String id) {
        return Optional.ofNullable(em.find(AccountView.class, id));
    }

    public List<AccountView> withStatus(AccountStatus status) {
        return em.createNamedQuery(AccountView.BY_STATUS, AccountView.class).setParameter("status", status)
                .getResultList();
    }
}
