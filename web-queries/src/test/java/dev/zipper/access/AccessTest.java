package dev.zipper.access;

import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {

    private static final Caller CUSTOMER = new Caller("ada", Set.of(Role.CUSTOMER));
    private static final Caller STAFF = new Caller("sam", Set.of(Role.STAFF));
    private static final Caller BOTH = new Caller("kim", Set.of(Role.CUSTOMER, Role.STAFF));

    @Test
    void anyone_admits_even_the_anonymous_and_roles_admit_only_theirs() {
        assertThat(Access.ANYONE.refusal(Caller.ANONYMOUS, null, "GET /products")).isNull();
        Access staff = Access.roles(Role.STAFF);
        assertThat(staff.refusal(STAFF, "Bearer x", "POST /products")).isNull();
        assertThat(staff.refusal(CUSTOMER, "Bearer x", "POST /products").getStatus()).isEqualTo(403);
        assertThat(staff.refusal(Caller.ANONYMOUS, null, "POST /products").getStatus()).isEqualTo(401);
        assertThat(staff.refusal(Caller.ANONYMOUS, null, "POST /products").getHeaderString("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"zipper\"");
    }

    @Test
    void a_token_over_the_limit_is_refused_before_anything_else() {
        String huge = "Bearer " + "a".repeat(Unauthorized.MAX_TOKEN_LENGTH);
        assertThat(Access.ANYONE.refusal(Caller.ANONYMOUS, huge, "GET /products").getStatus()).isEqualTo(401);
        assertThat(Access.ANYONE.refusal(Caller.ANONYMOUS, huge, "GET /products").getHeaderString("WWW-Authenticate"))
                .contains("error=\"invalid_token\"");
    }

    @Test
    void a_token_used_before_its_not_before_time_is_refused_everywhere() {
        Caller early = new Caller("ada", Set.of(Role.CUSTOMER), true);
        assertThat(Access.ANYONE.refusal(early, "Bearer x", "GET /products").getStatus()).isEqualTo(401);
        assertThat(Access.owner().refusal(early, "Bearer x", "GET /carts/{id}").getHeaderString("WWW-Authenticate"))
                .contains("invalid_token");
    }

    @Test
    void owned_operations_limit_a_customer_to_their_own_and_not_a_role_that_sees_all() {
        Access orders = Access.owner(Role.STAFF);
        assertThat(orders.admits(CUSTOMER)).isTrue();
        assertThat(orders.limitsToOwn(CUSTOMER)).isTrue();
        assertThat(orders.limitsToOwn(STAFF)).isFalse();
        assertThat(orders.limitsToOwn(BOTH)).as("staff see every order, whatever else they are").isFalse();
        Access own = Access.owner();
        assertThat(own.admits(STAFF)).isFalse();
        assertThat(own.limitsToOwn(BOTH)).as("no role given sees all").isTrue();
    }
}
