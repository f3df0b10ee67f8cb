package dev.zipper.readside;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads of the read tables in a transaction of their own: from a thread of the application's executor,
 * where no request's persistence context may be used, once a wait ends.
 */
@ApplicationScoped
public class RowReads {

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Transactional
    public <T> T read(Supplier<T> query) {
        return query.get();
    }

    /**
     * Up to {@code limit} rows of a table whose ids come after {@code after}, by id, that meet a JPQL
     * condition on the row {@code r} (such as {@code r.status = :status}; empty for all).
     */
    public <R extends ReadRow<?>> List<R> page(Class<R> rows, String condition, Map<String, Object> parameters,
                                               String after, int limit) {
        TypedQuery<R> query = em.createQuery("SELECT r FROM " + rows.getSimpleName() + " r WHERE r.id > :after"
                + (condition.isEmpty() ? "" : " AND " + condition) + " ORDER BY r.id", rows)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Rows by id, those that exist. */
    public <R extends ReadRow<?>> List<R> all(Class<R> rows, Collection<String> ids) {
        return ids.isEmpty() ? List.of() : em.createQuery("SELECT r FROM " + rows.getSimpleName() + " r WHERE r.id IN :ids", rows)
                .setParameter("ids", ids).getResultList();
    }

    /** One row, in the caller's transaction (within {@link #read}). */
    public <R extends ReadRow<?>> R row(Class<R> rows, String id) {
        return em.find(rows, id);
    }
}
