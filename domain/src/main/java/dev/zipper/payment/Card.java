package dev.zipper.payment;

import dev.zipper.domain.InvalidCommand;

/**
 * A payment card number: 12 to 19 digits (spaces and dashes dropped) that pass the Luhn check. The
 * built-in gateway's test numbers are documented on {@link TestCards}.
 */
public record Card(String number) {

    public Card {
        if (number == null) {
            throw new InvalidCommand("card is required");
        }
        number = number.replaceAll("[ -]", "");
        if (!number.matches("[0-9]{12,19}") || !luhn(number)) {
            throw new InvalidCommand("card must be a card number (12 to 19 digits passing the Luhn check)");
        }
    }

    /** The last four digits, which is all a person or a log line needs to recognise the card. */
    public String masked() {
        return "**** " + number.substring(number.length() - 4);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return masked();
    }
}
