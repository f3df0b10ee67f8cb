package dev.zipper.product.view;

import dev.zipper.domain.AggregateType;
import dev.zipper.product.Product;
import dev.zipper.product.ProductEvent;
import dev.zipper.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

/** product_view: the catalog, one row per product with its price and where its units are. */
@ApplicationScoped
public class ProductProjection implements Projection<ProductEvent, ProductView> {

    @Override
    public String name() {
        return "product-view";
    }

    @Override
    public AggregateType<?, ProductEvent, ?> follows() {
        return Product.TYPE;
    }

    @Override
    public Class<ProductView> rows() {
        return ProductView.class;
    }

    @Override
    public ProductView newRow(String sku) {
        return new ProductView(sku);
    }
}
