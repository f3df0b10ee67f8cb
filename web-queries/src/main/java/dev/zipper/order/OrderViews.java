package dev.zipper.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads order_view. */
@ApplicationScoped
public class OrderViews {

    /** The orders that count as sales: paid, and not cancelled since. */
    public static final List<OrderStatus> SOLD = List.of(OrderStatus.SUCCEEDED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    public Optional<OrderView> find(String id) {
        return Optional.ofNullable(em.find(OrderView.class, id));
    }

    /** A customer's orders, newest first: up to {@code limit} placed before ({@code placedAt}, {@code id}), if given. */
    public List<OrderView> ofCustomer(String customerId, Optional<OrderStatus> status, OffsetDateTime placedAt,
                                      String id, int limit) {
        var query = em.createQuery("SELECT o FROM OrderView o WHERE o.customerId = :customer"
                        + (status.isPresent() ? " AND o.status = :status" : "")
                        + (placedAt != null ? " AND (o.placedAt < :placedAt OR (o.placedAt = :placedAt AND o.id < :id))" : "")
                        + " ORDER BY o.placedAt DESC, o.id DESC", OrderView.class)
                .setParameter("customer", customerId)
                .setMaxResults(limit);
        status.ifPresent(s -> query.setParameter("status", s));
        if (placedAt != null) {
            query.setParameter("placedAt", placedAt).setParameter("id", id);
        }
        return query.getResultList();
    }
}
