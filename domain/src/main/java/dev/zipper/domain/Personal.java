package dev.zipper.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event's field that holds personal data of the customer its stream belongs to (a name, an email, an
 * address): the log stores it encrypted with that customer's key, kept outside the log, and once the
 * customer is erased ({@link ErasesPersonalData}) the key is gone and every reader gets {@link #ERASED} for
 * a text field, nothing (null) for any other.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Personal {

    /** What an erased text field reads as. */
    String ERASED = "[erased]";
}
