package dev.zipper.eventstore;

import java.util.List;

/**
 * Who did what an event records, as their token said: its subject and roles (never the token itself).
 * None for what the system did on its own: a process's step, an automation, a timer.
 */
public record Actor(String subject, List<String> roles) {

    public Actor {
        roles = List.copyOf(roles);
    }

    /** The roles as one column (or message property) holds them: "customer,staff". */
    public String rolesColumn() {
        return String.join(",", roles);
    }

    /** From that column and the subject's; null for no subject. */
    public static Actor of(String subject, String roles) {
        return subject == null ? null : new Actor(subject, roles == null || roles.isEmpty() ? List.of() : List.of(roles.split(",")));
    }
}
