package dev.zipper.web;

import dev.zipper.domain.InvalidCommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * Reads a request body as a JSON object. Done by hand rather than by the JAX-RS provider so that a
 * malformed body gets the same 400 problem on every server.
 */
public final class JsonBody {

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidCommand("The request body must be a JSON object");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidCommand("The request body must be a JSON object, not " + value.getValueType());
            }
            return new JsonBody(value.asJsonObject());
        } catch (JsonParsingException e) {
            throw new InvalidCommand("Malformed JSON: " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            throw new InvalidCommand("Malformed JSON");
        }
    }

    /** The field's text, or null when it is missing or null; a value of another type is refused. */
    public String text(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidCommand(field + " must be a string");
    }
}
