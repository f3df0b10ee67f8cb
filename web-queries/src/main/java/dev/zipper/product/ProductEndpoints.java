package dev.zipper.product;

import dev.zipper.access.Access;
import dev.zipper.access.Role;
import dev.zipper.domain.InvalidCommand;
import dev.zipper.edge.Exposure.Filter;
import dev.zipper.edge.Exposure;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.Schemas;
import dev.zipper.http.QueryParameters;
import dev.zipper.pricing.Money;
import dev.zipper.readside.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The catalog and its stock over HTTP: /products, a product's id being its sku. */
@ApplicationScoped
public class ProductEndpoints implements Operations {

    /** product_view, as the read side feeds it. */
    @Produces
    public static final Projection<ProductEvent, ProductView> VIEW = new Projection<>("product-view", Product.TYPE,
            ProductView.class, ProductView::new);

    /** A product as the catalog receives it: its sku names it from then on. */
    public record NewProduct(String sku, String name, BigDecimal price, String currency) {
        public NewProduct {
            sku = Sku.required(sku);
            if (price == null) {
                throw new InvalidCommand("price is required");
            }
        }
    }

    @Override
    public List<Route> routes() {
        return Exposure.of(Product.TYPE, "products", Access.roles(Role.STAFF))
                .opens("Add a product to the catalog, with no stock yet", NewProduct.class, (call, p) -> p.sku(),
                        p -> new ProductCommand.Add(p.name(), new Money(p.price(), p.currency())))
                .command("price", "Change a product's price (in the currency it was added with)",
                        ProductCommand.ChangePrice.class)
                .command("stock", "Receive units of a product; they become available", ProductCommand.ReceiveStock.class)
                .by(Access.ANYONE)
                .view("One product: its price and its units by where they are", VIEW, "sku")
                .list("The catalog by sku, a page at a time", VIEW, "sku",
                        Map.of("inStock", Schemas.flag("true: only products with units available")),
                        call -> QueryParameters.flag("inStock", call.query("inStock"))
                                ? new Filter("r.available > 0", Map.of()) : Filter.ALL)
                .routes();
    }
}
