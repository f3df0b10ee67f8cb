package dev.zipper.account;

/** Where a customer account is in its life cycle. ARCHIVED is final. */
public enum AccountStatus {
    PENDING, CONFIRMED, ACTIVE, SUSPENDED, ARCHIVED
}
