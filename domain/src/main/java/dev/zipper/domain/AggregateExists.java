package dev.zipper.domain;

/** A command that starts an aggregate names one that already has events (a product's sku taken, say). */
public class AggregateExists extends IllegalTransition {
    public AggregateExists(String kind, String id) {
        super("A " + kind + " with id " + id + " already exists");
    }
}
