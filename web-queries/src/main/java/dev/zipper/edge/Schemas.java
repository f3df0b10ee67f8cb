package dev.zipper.edge;

import dev.zipper.http.JsonObjects;
import dev.zipper.http.Page;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.Map;

/** Small JSON schemas for the API document, written the same way everywhere. */
public final class Schemas {

    private Schemas() {
    }

    /** A schema of one type, to which a format, items or properties may be added. */
    public static JsonObjectBuilder type(String name) {
        return JsonObjects.object().add("type", name);
    }

    /** An object with these properties. */
    public static JsonObject object(JsonObjectBuilder properties) {
        return type("object").add("properties", properties).build();
    }

    public static JsonObject ref(String schema) {
        return JsonObjects.object().add("$ref", "#/components/schemas/" + schema).build();
    }

    /** A query parameter's schema: one of an enum's names. */
    public static JsonObject oneOf(Class<? extends Enum<?>> values) {
        JsonArrayBuilder names = JsonObjects.array();
        Arrays.stream(values.getEnumConstants()).forEach(value -> names.add(value.name()));
        return type("string").add("enum", names).build();
    }

    public static JsonObject flag(String description) {
        return type("boolean").add("description", description).build();
    }

    public static JsonObject integer(String description) {
        return type("integer").add("description", description).build();
    }

    public static JsonObject string(String description) {
        return type("string").add("description", description).build();
    }

    /** {@code limit} and {@code after}, as every paged answer takes them. */
    public static Map<String, JsonObject> pageQueries(String after) {
        return Map.of("limit", integer("Page size, 1 to " + Page.MAX_LIMIT + " (default " + Page.DEFAULT_LIMIT + ")"),
                "after", string(after));
    }

    /** The schema of a page of items. */
    public static JsonObject pageOf(JsonObject item) {
        return JsonObjects.object().add("type", "object").add("required", JsonObjects.array().add("items"))
                .add("properties", JsonObjects.object()
                        .add("items", JsonObjects.object().add("type", "array").add("items", item))
                        .add("next", type("string").add("format", "uri")
                                .add("description", "The next page (also in a Link rel=next header); absent on the last")))
                .build();
    }
}
