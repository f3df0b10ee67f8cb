package dev.zipper.sales;

import static dev.zipper.edge.Schemas.object;
import static dev.zipper.edge.Schemas.type;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.edge.OperationDoc;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.Schemas;
import dev.zipper.http.JsonObjects;
import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.RequestRefused;
import dev.zipper.order.OrderViews;
import dev.zipper.pricing.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The store's figures, summed from order_view over the orders that count as sales (paid and not
 * cancelled since): revenue per day and currency, and the products sold most.
 */
@ApplicationScoped
public class SalesEndpoints implements Operations {

    private static final int DEFAULT_DAYS = 30;
    /** The store's figures: for its staff, and for the operators' console (no customer's data in them). */
    private static final Access FIGURES = Access.roles(Role.STAFF, Role.OPERATOR);

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("GET", "sales", "daily", "Orders and revenue per UTC day and currency, newest day first", FIGURES, this::daily,
                        OperationDoc.query(figures(true), Map.of(
                                "from", Schemas.string("First day (yyyy-mm-dd, UTC); default 30 days before to"),
                                "to", Schemas.string("Last day (yyyy-mm-dd, UTC); default today")), List.of(400))),
                new Route("GET", "sales", "top-products", "The products sold most, by units", FIGURES, this::topProducts,
                        OperationDoc.query(figures(false), Map.of("limit", Schemas.integer("How many, 1 to 100 (default 10)")),
                                List.of(400))),
                new Route("GET", "sales", "orders-by-status", "How many orders are in each status now", FIGURES,
                        this::byStatus, OperationDoc.query(type("object").add("properties", JsonObjects.object()
                                .add("items", type("array").add("items", type("object").add("properties", JsonObjects.object()
                                        .add("status", type("string")).add("orders", type("integer"))))))
                                .build(), Map.of(), List.of())));
    }

    private Response byStatus(dev.zipper.edge.Call call) {
        JsonArrayBuilder items = JsonObjects.array();
        for (Object[] row : em.createQuery("SELECT o.status, COUNT(o) FROM OrderView o GROUP BY o.status ORDER BY o.status",
                Object[].class).getResultList()) {
            items.add(JsonObjects.object().add("status", row[0].toString()).add("orders", ((Number) row[1]).longValue()));
        }
        return Response.ok(JsonObjects.object().add("items", items).build().toString()).build();
    }

    private Response daily(dev.zipper.edge.Call call) {
        LocalDate last = day("to", call.query("to"), LocalDate.now(ZoneOffset.UTC));
        LocalDate first = day("from", call.query("from"), last.minusDays(DEFAULT_DAYS - 1));
        JsonArrayBuilder items = sums(em.createQuery("SELECT o.placedOn, o.currency, COUNT(o), SUM(o.total) FROM OrderView o "
                + "WHERE o.status IN :sold AND o.placedOn BETWEEN :first AND :last GROUP BY o.placedOn, o.currency "
                + "ORDER BY o.placedOn DESC, o.currency", Object[].class)
                .setParameter("first", first).setParameter("last", last), "day", "orders");
        return Response.ok(JsonObjects.object().add("from", first.toString()).add("to", last.toString())
                .add("items", items).build().toString()).build();
    }

    private Response topProducts(dev.zipper.edge.Call call) {
        JsonArrayBuilder items = sums(em.createQuery("SELECT l.sku, o.currency, SUM(l.quantity), SUM(l.total) "
                + "FROM OrderView o JOIN o.lines l WHERE o.status IN :sold GROUP BY l.sku, o.currency "
                + "ORDER BY SUM(l.quantity) DESC, l.sku", Object[].class)
                .setMaxResults(QueryParameters.integer("limit", call.query("limit"), 1, 100).orElse(10)), "sku", "units");
        return Response.ok(JsonObjects.object().add("items", items).build().toString()).build();
    }

    /** Rows of (key, currency, count, revenue) as items {key, currency, count, revenue}. */
    private static JsonArrayBuilder sums(TypedQuery<Object[]> query, String key, String count) {
        JsonArrayBuilder items = JsonObjects.array();
        for (Object[] row : query.setParameter("sold", OrderViews.SOLD).getResultList()) {
            String currency = (String) row[1];
            items.add(JsonObjects.object().add(key, row[0].toString()).add("currency", currency)
                    .add(count, ((Number) row[2]).longValue())
                    .add("revenue", new Money(new BigDecimal(row[3].toString()), currency).amount()));
        }
        return items;
    }

    private static JsonObject figures(boolean daily) {
        JsonObjectBuilder item = JsonObjects.object()
                .add(daily ? "day" : "sku", type("string"))
                .add("currency", type("string"))
                .add(daily ? "orders" : "units", type("integer"))
                .add("revenue", type("number"));
        JsonObjectBuilder properties = JsonObjects.object()
                .add("items", type("array").add("items", type("object").add("properties", item)));
        if (daily) {
            properties.add("from", type("string").add("format", "date")).add("to", type("string").add("format", "date"));
        }
        return type("object").add("properties", properties).build();
    }

    private static LocalDate day(String name, String value, LocalDate otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, name + " must be a day as yyyy-mm-dd, got '" + value + "'");
        }
    }
}
