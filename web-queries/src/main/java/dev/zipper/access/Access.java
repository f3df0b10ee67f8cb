package dev.zipper.access;

import dev.zipper.http.ProblemType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call an operation: anyone, or callers with one of some roles; for a customer's own resources
 * ({@code owned}), a customer only on what is theirs (another's answers 404, as if it did not exist),
 * while the roles given see every one.
 */
public record Access(boolean anyone, Set<Role> roles, boolean owned) {

    public static final Access ANYONE = new Access(true, Set.of(), false);

    public Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Callers with one of these roles. */
    public static Access roles(Role first, Role... more) {
        return new Access(false, EnumSet.of(first, more), false);
    }

    /** A customer on what is theirs, and callers with one of {@code all}, on everything. */
    public static Access owner(Role... all) {
        Set<Role> roles = EnumSet.of(Role.CUSTOMER, all);
        return new Access(false, roles, true);
    }

    /** The same, and callers with {@code role} too (on everything). */
    public Access and(Role role) {
        Set<Role> more = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        more.add(role);
        return new Access(anyone, more, owned);
    }

    /** Whether the caller may call it at all (what is theirs is for the operation to find). */
    public boolean admits(Caller caller) {
        return anyone || caller.roles().stream().anyMatch(roles::contains);
    }

    /**
     * Why the caller may not call {@code operation} ("GET /log"), or null if they may: a token over the
     * size limit or not valid yet, or none where one is needed (401), or roles that do not admit them (403).
     */
    public Response refusal(Caller caller, String authorization, String operation) {
        if (authorization != null && authorization.length() > Unauthorized.MAX_TOKEN_LENGTH) {
            return Unauthorized.refused("A bearer token is at most " + Unauthorized.MAX_TOKEN_LENGTH + " characters long");
        }
        if (caller.early()) {
            return Unauthorized.refused("The bearer token is not valid yet (nbf)");
        }
        if (admits(caller)) {
            return null;
        }
        return caller.anonymous() ? Unauthorized.missing(operation + " needs a bearer token")
                : ProblemType.FORBIDDEN.response(operation + " is for " + roles.stream().map(Role::claim).sorted()
                .collect(Collectors.joining(" or ")));
    }

    /** Whether the caller sees only what is theirs: a customer without a role that sees everything. */
    public boolean limitsToOwn(Caller caller) {
        return owned && caller.roles().stream().noneMatch(role -> role != Role.CUSTOMER && roles.contains(role));
    }
}
