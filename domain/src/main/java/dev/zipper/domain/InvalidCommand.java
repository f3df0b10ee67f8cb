package dev.zipper.domain;

/** The command itself is malformed (a missing or blank field, say), whatever the aggregate's state. */
public class InvalidCommand extends CommandRejected {
    public InvalidCommand(String message) {
        super(message);
    }

    /** Returns the trimmed value, refusing a missing, blank or too long one. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidCommand(field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
