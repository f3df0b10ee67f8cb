package dev.zipper.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyReaderTest {

    private static final MultivaluedHashMap<String, String> NO_HEADERS = new MultivaluedHashMap<>();

    private static JsonBody read(MediaType type, byte[] bytes) {
        return JsonBodyReader.readOrEmpty(type, NO_HEADERS, new ByteArrayInputStream(bytes));
    }

    private static int status(Runnable reading) {
        try {
            reading.run();
            return 200;
        } catch (RequestRefused refused) {
            return refused.getResponse().getStatus();
        }
    }

    @Test
    void no_body_is_an_empty_one_whatever_the_content_type() {
        assertThat(read(null, new byte[0]).has("anything")).isFalse();
    }

    @Test
    void a_body_must_be_json_in_utf_8() {
        assertThat(read(MediaType.APPLICATION_JSON_TYPE, "{\"a\": \"é\"}".getBytes(StandardCharsets.UTF_8)).text("a"))
                .isEqualTo("é");
        assertThat(status(() -> read(MediaType.TEXT_PLAIN_TYPE, "{}".getBytes()))).isEqualTo(415);
        assertThat(status(() -> read(new MediaType("application", "json", Map.of("charset", "ISO-8859-1")), "{}".getBytes())))
                .isEqualTo(415);
        assertThat(status(() -> read(MediaType.APPLICATION_JSON_TYPE, new byte[] {'{', '"', (byte) 0xC3, '"', '}'})))
                .isEqualTo(400);
    }

    @Test
    void a_body_over_the_limit_is_refused_unread_past_it() {
        byte[] large = ("{\"a\": \"" + "x".repeat(JsonBodyReader.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(status(() -> read(MediaType.APPLICATION_JSON_TYPE, large))).isEqualTo(413);
        MultivaluedHashMap<String, String> declared = new MultivaluedHashMap<>();
        declared.putSingle("Content-Length", String.valueOf(1 << 20));
        assertThatThrownBy(() -> JsonBodyReader.readOrEmpty(MediaType.APPLICATION_JSON_TYPE, declared,
                new ByteArrayInputStream(new byte[0]))).isInstanceOfSatisfying(RequestRefused.class,
                e -> assertThat(e.getResponse().getStatus()).isEqualTo(413));
    }
}
