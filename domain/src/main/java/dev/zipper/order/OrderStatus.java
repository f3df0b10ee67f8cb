package dev.zipper.order;

/**
 * Where an order is. PLACED lasts while its process reserves stock and takes payment; it then ends
 * SUCCEEDED (and may be shipped and delivered), FAILED or CANCELLED.
 */
public enum OrderStatus {
    PLACED, SUCCEEDED, FAILED, CANCELLED, SHIPPED, DELIVERED
}
