package dev.zipper.payment;

/** Where a payment is. Every status but REQUESTED and AUTHORISED is final. */
public enum PaymentStatus {
    REQUESTED, AUTHORISED, DECLINED, TIMED_OUT, REFUNDED
}
