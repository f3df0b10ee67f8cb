package dev.zipper.product.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads the catalog. */
@ApplicationScoped
public class ProductViews {

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    public Optional<ProductView> find(String sku) {
        return Optional.ofNullable(em.find(ProductView.class, sku));
    }

    /** These products, those that are in the catalog. */
    public List<ProductView> find(Collection<String> skus) {
        return skus.isEmpty() ? List.of() : em.createQuery("SELECT p FROM ProductView p WHERE p.id IN :skus", ProductView.class)
                .setParameter("skus", skus).getResultList();
    }

    /** Up to {@code limit} products by sku after {@code after}; with {@code inStock}, only those with units available. */
    public List<ProductView> list(boolean inStock, String after, int limit) {
        return em.createQuery("SELECT p FROM ProductView p WHERE p.id > :after" + (inStock ? " AND p.available > 0" : "")
                        + " ORDER BY p.id", ProductView.class)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(limit)
                .getResultList();
    }
}
