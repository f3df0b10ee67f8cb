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

    /** Up to {@code limit} accounts (with this status, if one is given) whose ids come after {@code after}, by id. */
    public List<AccountView> list(Optional<AccountStatus> status, String after, int limit) {
        var query = em.createQuery("SELECT a FROM AccountView a WHERE a.id > :after"
                + (status.isPresent() ? " AND a.status = :status" : "") + " ORDER BY a.id", AccountView.class)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(limit);
        status.ifPresent(s -> query.setParameter("status", s));
        return query.getResultList();
    }
}
