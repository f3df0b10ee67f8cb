package dev.zipper.http;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Query parameters are taken as text and read here, so that a value that is not a number is a 400
 * naming the parameter (JAX-RS would answer a failed conversion of a query parameter with 404).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** Absent, or a whole number from min to max. */
    public static OptionalInt integer(String name, String value, int min, int max) {
        if (value == null) {
            return OptionalInt.empty();
        }
        // ASCII digits only: Integer.parseInt would also take other scripts' digits
        if (value.matches("-?[0-9]{1,10}")) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return OptionalInt.of((int) number);
            }
        }
        throw new RequestRefused(ProblemType.INVALID_REQUEST,
                name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    /** Absent, or one of an enum's names exactly. */
    public static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> values) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(values, value));
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, name + " must be one of "
                    + Arrays.toString(values.getEnumConstants()) + ", got '" + value + "'");
        }
    }

    /** Absent (false), true or false. */
    public static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new RequestRefused(ProblemType.INVALID_REQUEST, name + " must be true or false, got '" + value + "'");
    }

    /** Absent, or text of at most maxLength characters and no control character. */
    public static String text(String name, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, name + " must be at most " + maxLength + " characters");
        }
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, name + " must not contain a control character");
        }
        return value;
    }
}
