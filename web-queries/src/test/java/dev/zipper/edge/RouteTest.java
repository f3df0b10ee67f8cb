package dev.zipper.edge;

import dev.zipper.access.Access;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTest {

    private final Route remove = new Route("POST", "carts", "{id}/items/{sku}/remove", "Take units out", Access.ANYONE, call -> null,
            OperationDoc.query(Schemas.type("object").build(), Map.of(), List.of()));

    @Test
    void a_template_matches_its_literals_and_names_its_variables() {
        assertThat(remove.match(List.of("c1", "items", "MUG-01", "remove"))).hasValue(Map.of("id", "c1", "sku", "MUG-01"));
        assertThat(Route.variables(remove.template())).containsExactly("id", "sku");
        assertThat(remove.path()).isEqualTo("/carts/{id}/items/{sku}/remove");
    }

    @Test
    void another_literal_or_another_length_does_not_match() {
        assertThat(remove.match(List.of("c1", "items", "MUG-01", "add"))).isEmpty();
        assertThat(remove.match(List.of("c1", "items", "MUG-01"))).isEmpty();
        assertThat(remove.match(List.of())).isEmpty();
    }

    @Test
    void the_collection_itself_has_an_empty_template() {
        Route open = new Route("POST", "carts", "", "Open", Access.ANYONE, call -> null, remove.doc());
        assertThat(open.match(List.of())).hasValue(Map.of());
        assertThat(open.path()).isEqualTo("/carts");
    }
}
