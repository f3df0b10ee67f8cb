package dev.zipper.consistency;

import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The entity tags of an {@code If-Match} or {@code If-None-Match} header (RFC 9110): a view's tag is its
 * stream version, quoted ({@code "3"}).
 */
final class EntityTags {

    static final String ANY = "*";

    private EntityTags() {
    }

    /** The tags the header values list, each without its quotes; a weak tag keeps its {@code W/} prefix. */
    static Set<String> of(Enumeration<String> headerValues) {
        return Collections.list(headerValues).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(tag -> !tag.isEmpty())
                .map(EntityTags::unquoted)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** If-None-Match compares weakly: {@code W/"3"} matches {@code "3"}. */
    static boolean noneMatch(Set<String> tags, String current) {
        return !tags.contains(ANY) && !tags.contains(current) && !tags.contains("W/" + current);
    }

    private static String unquoted(String tag) {
        if (tag.startsWith("W/")) {
            return "W/" + unquoted(tag.substring(2));
        }
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }

    static String quoted(String tag) {
        return "\"" + tag + "\"";
    }
}
