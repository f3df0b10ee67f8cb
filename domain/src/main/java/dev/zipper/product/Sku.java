package dev.zipper.product;

import dev.zipper.domain.InvalidCommand;
import java.util.regex.Pattern;

/** A stock-keeping unit: what a product is called in a cart, an order and a URL. */
public final class Sku {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Sku() {
    }

    /** The sku, or {@link InvalidCommand} if it is not 1 to 64 letters, digits, '.', '_' or '-'. */
    public static String required(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw new InvalidCommand("sku must be 1 to 64 letters, digits, '.', '_' or '-' (starting with a letter "
                    + "or digit), got " + (sku == null ? "nothing" : "'" + sku + "'"));
        }
        return sku;
    }
}
