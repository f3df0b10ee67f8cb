package dev.zipper.payment;

/**
 * The card numbers that make the built-in gateway fail, so that every path of an order can be shown by
 * hand. Any other valid number is authorised.
 */
public final class TestCards {

    /** Authorised (any valid number not listed below is too). */
    public static final String AUTHORISED = "4242424242424242";
    /** Declined: "card declined". */
    public static final String DECLINED = "4000000000000002";
    /** Declined: "insufficient funds". */
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    /** The gateway never answers: the payment times out. */
    public static final String NO_ANSWER = "4000000000000119";

    private TestCards() {
    }
}
