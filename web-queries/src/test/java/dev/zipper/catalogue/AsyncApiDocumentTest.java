package dev.zipper.catalogue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.zipper.edge.EveryRoute;
import dev.zipper.edge.Route;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.fulfilment.FulfilmentEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event catalogue the build wrote and the application serves ({@link EventCatalogue}). */
class AsyncApiDocumentTest {

    @Test
    void the_catalogue_is_a_valid_asyncapi_3_document() throws IOException {
        Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(resource("/asyncapi/asyncapi-3.0.0.schema.json"), InputFormat.JSON);
        List<Error> errors = asyncApi.validate(resource(EventCatalogue.FILE), InputFormat.JSON);
        assertThat(errors).as("what the AsyncAPI 3.0.0 schema finds wrong").isEmpty();
    }

    @Test
    void every_event_type_the_application_decodes_is_in_the_catalogue_at_each_version() throws IOException {
        JsonObject messages = catalogue().getJsonObject("components").getJsonObject("messages");
        List<String> names = messages.values().stream().map(m -> m.asJsonObject().getString("name")).toList();
        // the aggregates the API serves and a process's events: an independent way to the sealed roots
        List<String> decoded = Stream.concat(EveryRoute.of().stream().map(Route::events).filter(Objects::nonNull),
                        Stream.of(FulfilmentEvent.class)).distinct()
                .flatMap(root -> EventCodec.of(root).typeNames().stream()).toList();

        assertThat(decoded).hasSizeGreaterThan(30);
        assertThat(names).containsAll(decoded).contains("process.consumed");
        assertThat(messages.keySet()).contains("account.shipping-address-set.v1", "account.shipping-address-set.v2");
    }

    @Test
    void a_message_carries_the_topic_the_properties_and_marks_personal_fields() throws IOException {
        JsonObject document = catalogue();
        assertThat(document.getJsonObject("channels").getJsonObject("events").getString("address")).isEqualTo("zipper.events");
        JsonObject opened = document.getJsonObject("components").getJsonObject("messages").getJsonObject("account.opened.v1");
        assertThat(opened.getJsonObject("payload").getJsonObject("properties").getJsonObject("email")
                .getBoolean("x-personal")).isTrue();
        assertThat(document.getJsonObject("components").getJsonObject("schemas").getJsonObject("EventProperties")
                .getJsonObject("properties").keySet()).contains("position", "streamType", "streamId", "eventType",
                "schemaVersion", "correlationId", "JMSXGroupID");
    }

    private static JsonObject catalogue() throws IOException {
        return Json.createReader(new StringReader(resource(EventCatalogue.FILE))).readObject();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
