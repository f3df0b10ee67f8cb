package dev.zipper.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of a list, asked for one row more than it shows: the extra row only says there is a next page. */
class PageTest {

    @Test
    void a_full_page_links_to_the_next_after_its_last_key_keeping_the_filters() {
        Response answer = Page.of("2", null).answer(List.of("a", "b", "c"), row -> row,
                row -> Json.createObjectBuilder().add("id", row).build(),
                UriBuilder.fromUri("http://127.0.0.1/zipper/api/accounts?status=ACTIVE"));
        JsonObject body = Json.createReader(new StringReader((String) answer.getEntity())).readObject();
        assertThat(body.getJsonArray("items")).hasSize(2);
        assertThat(body.getString("next")).isEqualTo("http://127.0.0.1/zipper/api/accounts?status=ACTIVE&limit=2&after=b");
        assertThat(answer.getLinks()).singleElement().satisfies(link -> assertThat(link.getRel()).isEqualTo("next"));
    }

    @Test
    void the_last_page_has_no_next_and_a_key_is_encoded_in_it() {
        Response last = Page.of("2", null).answer(List.of("a"), row -> row,
                row -> Json.createObjectBuilder().add("id", row).build(), UriBuilder.fromUri("http://h/l"));
        assertThat((String) last.getEntity()).doesNotContain("next");
        Response braces = Page.of("1", null).answer(List.of("{x} y", "z"), row -> row,
                row -> Json.createObjectBuilder().add("id", row).build(), UriBuilder.fromUri("http://h/l"));
        assertThat((String) braces.getEntity()).as("braces are no template").contains("after=%7Bx%7D");
    }
}
