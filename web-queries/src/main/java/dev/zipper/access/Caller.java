package dev.zipper.access;

import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who sent a request, as the server's MicroProfile JWT verified their token: its subject and the roles
 * among its groups; anonymous without a token. A token that does not verify never gets this far (the
 * server answers 401, {@link Unauthorized}).
 */
public record Caller(String subject, Set<Role> roles) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** As JAX-RS or the servlet request tells it: the principal, and whether it has a role. */
    public static Caller of(Principal principal, Predicate<String> inRole) {
        if (principal == null) {
            return ANONYMOUS;
        }
        // the token's subject, not the name a provider may also give (Keycloak's preferred_username)
        String subject = principal instanceof JsonWebToken token && token.getSubject() != null ? token.getSubject()
                : principal.getName();
        return new Caller(subject, Set.copyOf(Arrays.stream(Role.values())
                .filter(role -> inRole.test(role.claim())).toList()));
    }

    public boolean anonymous() {
        return subject == null;
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
