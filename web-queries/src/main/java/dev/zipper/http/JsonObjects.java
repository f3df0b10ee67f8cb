package dev.zipper.http;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * Builders for the JSON the application writes by hand. {@code Json.createObjectBuilder()} looks the
 * JSON-P provider up (a ServiceLoader scan of the class path) on every call; one factory made once
 * does not.
 */
public final class JsonObjects {

    private static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

    private JsonObjects() {
    }

    public static JsonObjectBuilder object() {
        return FACTORY.createObjectBuilder();
    }

    /** A builder that starts with the fields of {@code from}. */
    public static JsonObjectBuilder object(JsonObject from) {
        return FACTORY.createObjectBuilder(from);
    }

    public static JsonArrayBuilder array() {
        return FACTORY.createArrayBuilder();
    }
}
