package dev.zipper.access;

import java.security.Principal;
import dev.zipper.eventstore.Actor;
import jakarta.json.JsonNumber;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who sent a request, as the server's MicroProfile JWT verified their token: its subject and the roles
 * among its groups, and whether it was used before its not-before time ({@code early}); anonymous
 * without a token. A token that does not verify never gets this far (the
 * server answers 401, {@link Unauthorized}).
 */
public record Caller(String subject, Set<Role> roles, boolean early) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), false);

    /** Leeway for clocks that disagree: a token is refused as not yet valid this long before its nbf. */
    private static final long SKEW_SECONDS = 60;

    public Caller(String subject, Set<Role> roles) {
        this(subject, roles, false);
    }

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
        // not every server checks nbf (Payara's does not): a token used before it is valid is refused here
        Object notBefore = principal instanceof JsonWebToken token ? token.getClaim("nbf") : null;
        Long nbf = notBefore instanceof Number number ? Long.valueOf(number.longValue())
                : notBefore instanceof JsonNumber json ? Long.valueOf(json.longValue()) : null; // as each server gives it
        boolean early = nbf != null && nbf > Instant.now().getEpochSecond() + SKEW_SECONDS;
        return new Caller(subject, Set.copyOf(Arrays.stream(Role.values())
                .filter(role -> inRole.test(role.claim())).toList()), early);
    }

    /** As an event records who did it: the subject and the roles' names. */
    public Actor actor() {
        return new Actor(subject, roles.stream().map(Role::claim).sorted().toList());
    }

    public boolean anonymous() {
        return subject == null;
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
