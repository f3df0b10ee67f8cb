package dev.zipper.pricing;

import dev.zipper.domain.InvalidCommand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in an ISO 4217 currency, held to the currency's minor unit (two places for EUR, none for
 * JPY), so that two equal amounts are equal records and a sum never gains a fraction of a cent.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        if (amount == null) {
            throw new InvalidCommand("an amount is required");
        }
        int places = places(currency);
        if (amount.signum() < 0) {
            throw new InvalidCommand("an amount must not be negative, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > places) {
            throw new InvalidCommand(currency + " has " + places + " decimal places, got " + amount.toPlainString());
        }
        amount = amount.setScale(places, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** This amount times a rate, rounded half-even to the currency's minor unit (as for tax). */
    public Money times(BigDecimal rate) {
        return new Money(amount.multiply(rate).setScale(places(currency), RoundingMode.HALF_EVEN), currency);
    }

    public boolean isLessThan(Money other) {
        sameCurrency(other);
        return amount.compareTo(other.amount) < 0;
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvalidCommand("cannot combine " + currency + " with " + other.currency);
        }
    }

    private static int places(String currency) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new InvalidCommand("currency must be an ISO 4217 code such as EUR, got '" + currency + "'");
        }
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand("currency must be an ISO 4217 code such as EUR, got '" + currency + "'");
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
