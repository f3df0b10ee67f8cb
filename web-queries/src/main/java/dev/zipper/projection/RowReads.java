package dev.zipper.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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

    /** One row, in the caller's transaction (within {@link #read}). */
    public <R extends ReadRow<?>> R row(Class<R> rows, String id) {
        return em.find(rows, id);
    }
}
