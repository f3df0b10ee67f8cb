package dev.zipper.domain;

import java.text.Normalizer;

/**
 * What a command accepts as a person's text (a name, an email): something a person typed and can read
 * back. Normalised (NFC) and trimmed of Unicode spaces; refused when it holds a control character, a
 * lone surrogate, a line or paragraph separator or an invisible format character (bidi overrides,
 * zero-width spaces; the zero-width joiners some scripts and emoji need are kept), when nothing visible
 * is left, or when it is longer than the field allows (counted in code points).
 */
public final class Text {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private Text() {
    }

    /** The value as it will be stored, or {@link InvalidCommand} naming the field and what is wrong. */
    public static String required(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidCommand(field + " must not be blank");
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC);
        int position = 1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), position++) {
            int c = text.codePointAt(i);
            if (refused(c)) {
                throw new InvalidCommand(String.format("%s must not contain U+%04X (%s, character %d)",
                        field, c, Character.getName(c) == null ? "unnamed" : Character.getName(c), position));
            }
        }
        String trimmed = trim(text);
        if (trimmed.codePoints().allMatch(Text::invisible)) {
            throw new InvalidCommand(field + " must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new InvalidCommand(field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    private static boolean refused(int c) {
        if (noncharacter(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.FORMAT -> c != ZERO_WIDTH_NON_JOINER && c != ZERO_WIDTH_JOINER;
            default -> false;
        };
    }

    /** U+FFFE, U+FFFF (and the same at the end of every plane), U+FDD0 to U+FDEF: never text, for internal use only. */
    private static boolean noncharacter(int c) {
        return (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
    }

    private static boolean space(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c); // isSpaceChar: also no-break spaces
    }

    private static boolean invisible(int c) {
        return space(c) || Character.getType(c) == Character.FORMAT;
    }

    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && space(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && space(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }
}
