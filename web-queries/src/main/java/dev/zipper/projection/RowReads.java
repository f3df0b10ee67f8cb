package dev.zipper.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * Reads a row and shows it in a transaction of its own: from a thread of the application's executor,
 * where no request's persistence context may be used, once a wait ends.
 */
@ApplicationScoped
public class RowReads {

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Transactional
    public <R extends ReadRow<?>, T> T read(Class<R> rows, String id, Function<R, T> show) {
        return show.apply(em.find(rows, id));
    }
}
