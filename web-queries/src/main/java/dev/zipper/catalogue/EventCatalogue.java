package dev.zipper.catalogue;

import dev.zipper.access.Access;
import dev.zipper.edge.OperationDoc;
import dev.zipper.edge.Operations;
import dev.zipper.edge.Route;
import dev.zipper.edge.Schemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /asyncapi}: the event catalogue, an AsyncAPI 3.0 document of every event type and schema
 * version and how each travels on the topic. Written while the module builds (the event-catalogue
 * module, from the sealed event roots), so it is the same file on every server.
 */
@ApplicationScoped
public class EventCatalogue implements Operations {

    static final String FILE = "/META-INF/zipper/asyncapi.json";

    private volatile String document;

    @Override
    public List<Route> routes() {
        return List.of(new Route("GET", "asyncapi", "", "The event catalogue: every event type and schema version, its "
                + "fields, the topic and the message properties (AsyncAPI 3.0)", Access.ANYONE,
                call -> Response.ok(document()).build(),
                OperationDoc.query(Schemas.type("object").add("description", "An AsyncAPI 3.0 document").build(),
                        Map.of(), List.of())));
    }

    private String document() {
        if (document == null) {
            try (InputStream file = EventCatalogue.class.getResourceAsStream(FILE)) {
                if (file == null) {
                    throw new IllegalStateException(FILE + " is missing: the build writes it (exec-maven-plugin)");
                }
                document = new String(file.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }
}
