package dev.zipper.payment;

/** Where a payment is. Every status but REQUESTED, SUBMITTED (to the gateway) and AUTHORISED is final. */
public enum PaymentStatus {
    REQUESTED, SUBMITTED, AUTHORISED, DECLINED, TIMED_OUT, REFUNDED
}
