package dev.zipper.access;

/** What a caller's token says it is: a value of its {@code groups} claim, which MicroProfile JWT maps to a role. */
public enum Role {
    /** A shopper: their own account, carts, orders and payments. */
    CUSTOMER,
    /**
     * Runs the store: the catalog and stock, shipping and delivery, the sales figures, and every customer's
     * account, carts, orders and payments (to help them, or to suspend an account).
     */
    STAFF,
    /** Runs Zipper: the log, the projections, the metrics. */
    OPERATOR;

    /** The name in the token's {@code groups} claim. */
    public String claim() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
