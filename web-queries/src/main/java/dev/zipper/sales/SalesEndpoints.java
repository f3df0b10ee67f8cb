package dev.zipper.sales;

import dev.zipper.order.view.OrderViews;
import dev.zipper.pricing.Money;
import dev.zipper.web.JsonObjects;
import dev.zipper.web.ProblemType;
import dev.zipper.web.QueryParameters;
import dev.zipper.web.RequestRefused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Sales figures, summed from the order view when asked: an order counts once it has succeeded (and
 * stops counting if it is cancelled), on the UTC day it was placed, in its currency.
 */
@Path("sales")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SalesEndpoints {

    private static final int DEFAULT_DAYS = 30;

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @GET
    @Path("daily")
    @Operation(summary = "Orders and revenue per day, newest first")
    @APIResponse(responseCode = "200", description = "One item per day and currency with sales",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            description = "day (yyyy-mm-dd), currency, orders, revenue"))))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public Response daily(
            @Parameter(description = "First day (yyyy-mm-dd, UTC); default 30 days before to") @QueryParam("from") String from,
            @Parameter(description = "Last day (yyyy-mm-dd, UTC); default today") @QueryParam("to") String to) {
        LocalDate last = day("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate first = day("from", from, last.minusDays(DEFAULT_DAYS - 1));
        JsonArrayBuilder items = JsonObjects.array();
        em.createQuery("SELECT o.placedOn, o.currency, COUNT(o), SUM(o.total) FROM OrderView o WHERE o.status IN :sold "
                        + "AND o.placedOn BETWEEN :first AND :last GROUP BY o.placedOn, o.currency "
                        + "ORDER BY o.placedOn DESC, o.currency", Object[].class)
                .setParameter("sold", OrderViews.SOLD).setParameter("first", first).setParameter("last", last)
                .getResultList()
                .forEach(row -> items.add(JsonObjects.object().add("day", row[0].toString()).add("currency", (String) row[1])
                        .add("orders", ((Number) row[2]).longValue()).add("revenue", new Money((BigDecimal) row[3], (String) row[1]).amount())));
        return Response.ok(JsonObjects.object().add("from", first.toString()).add("to", last.toString())
                .add("items", items).build().toString()).build();
    }

    @GET
    @Path("top-products")
    @Operation(summary = "The products sold most, by units")
    @APIResponse(responseCode = "200", description = "Products by units sold, most first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            description = "sku, currency, units, revenue (before shipping and tax)"))))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public Response topProducts(
            @Parameter(description = "How many, 1 to 100 (default 10)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit) {
        JsonArrayBuilder items = JsonObjects.array();
        em.createQuery("SELECT l.sku, o.currency, SUM(l.quantity), SUM(l.unitPrice * l.quantity) FROM OrderView o "
                        + "JOIN o.lines l WHERE o.status IN :sold GROUP BY l.sku, o.currency "
                        + "ORDER BY SUM(l.quantity) DESC, l.sku", Object[].class)
                .setParameter("sold", OrderViews.SOLD)
                .setMaxResults(QueryParameters.integer("limit", limit, 1, 100).orElse(10))
                .getResultList()
                .forEach(row -> items.add(JsonObjects.object().add("sku", (String) row[0]).add("currency", (String) row[1])
                        .add("units", ((Number) row[2]).longValue())
                        .add("revenue", new Money(new BigDecimal(row[3].toString()), (String) row[1]).amount())));
        return Response.ok(JsonObjects.object().add("items", items).build().toString()).build();
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
