package dev.zipper.http;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request body that is one JSON object, read strictly: the whole text must be that one value (no
 * trailing data), nested at most {@value #MAX_DEPTH} deep, with no key twice in an object, and with
 * only the fields the endpoint names. {@link JsonBodyReader} hands it to every endpoint that takes a body.
 */
public final class JsonBody {

    public static final int MAX_DEPTH = 32;

    // created once: looking the JSON-P provider up on every request costs more than the parse
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody parse(String text) {
        if (text.isBlank()) {
            throw invalid("The request body must be a JSON object; it is empty");
        }
        try {
            check(text);
            try (JsonReader reader = READERS.createReader(new StringReader(text))) {
                JsonValue value = reader.readValue();
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw invalid("The request body must be a JSON object, not " + value.getValueType());
                }
                return new JsonBody(value.asJsonObject());
            }
        } catch (JsonParsingException e) {
            throw invalid("Malformed JSON at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber());
        } catch (JsonException e) {
            throw invalid("Malformed JSON");
        }
    }

    /** The streaming pass: depth, duplicate keys and trailing data, before anything is built. */
    private static void check(String text) {
        Deque<Set<String>> keys = new ArrayDeque<>(); // one set per open object, an empty one per array
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            boolean rootDone = false;
            while (parser.hasNext()) { // after the root value, anything but the end of the text is an error
                if (rootDone) {
                    throw invalid("Malformed JSON: data after the end of the JSON value");
                }
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (keys.size() == MAX_DEPTH) {
                            throw invalid("JSON nested deeper than " + MAX_DEPTH + " levels");
                        }
                        keys.push(new HashSet<>());
                    }
                    case END_OBJECT, END_ARRAY -> keys.pop();
                    case KEY_NAME -> {
                        if (!keys.peek().add(parser.getString())) {
                            throw invalid("Field '" + parser.getString() + "' appears twice");
                        }
                    }
                    default -> {
                    }
                }
                rootDone = keys.isEmpty();
            }
        }
    }

    private static RequestRefused invalid(String detail) {
        return new RequestRefused(ProblemType.INVALID_REQUEST, detail);
    }

    /** The body of a request that sent none. */
    public static JsonBody empty() {
        return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Whether the field is there and not null. */
    public boolean has(String field) {
        JsonValue value = object.get(field);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /** Refuses a field the endpoint does not know, so that a misspelt one is not silently ignored. */
    public JsonBody only(String... fields) {
        Set<String> unknown = new TreeSet<>(object.keySet());
        List.of(fields).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw invalid("Unknown field '" + unknown.iterator().next() + "'; " + (fields.length == 0
                    ? "this request takes no body" : "expected only " + String.join(", ", fields)));
        }
        return this;
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
        throw invalid(field + " must be a string, not " + value.getValueType());
    }

    /** The field's whole number; a missing field, a fraction or another type is refused. */
    public int integer(String field) {
        BigDecimal number = decimal(field);
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw invalid(field + " must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    + ", got " + number.toPlainString());
        }
    }

    /** The field's number as written (12.50 stays 12.50); a missing field or another type is refused. */
    public BigDecimal decimal(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid(field + " is required");
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        throw invalid(field + " must be a number, not " + value.getValueType());
    }
}
