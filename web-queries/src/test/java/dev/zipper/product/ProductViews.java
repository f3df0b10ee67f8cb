package dev.zipper.product;

/** Rows of the catalog made in a test, as the projection would make them. */
public final class ProductViews {

    private ProductViews() {
    }

    public static ProductView applied(String sku, ProductEvent... events) {
        ProductView row = new ProductView(sku);
        for (ProductEvent event : events) {
            row.apply(event);
        }
        return row;
    }
}
