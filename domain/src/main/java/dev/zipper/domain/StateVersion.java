package dev.zipper.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of an aggregate's state record, for its snapshots: raise it when the record's components
 * change, and snapshots taken of the old shape are ignored (the stream is folded from its first event, and
 * a new snapshot is taken). A state without it is at version 1.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StateVersion {
    int value();
}
