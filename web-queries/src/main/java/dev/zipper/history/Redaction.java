package dev.zipper.history;

import dev.zipper.http.JsonObjects;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * What the API shows of an event's or a state's data: all of it but a card number (a field {@code number}
 * inside a field {@code card}), shown as {@code **** 4242}. The log keeps the number, for the payment
 * gateway; an HTTP client, which may be an operator's console or a subscriber to the stream, needs no more
 * than the payment view shows.
 */
final class Redaction {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private Redaction() {
    }

    /** The JSON text, parsed, with card numbers masked. */
    static JsonValue of(String json) {
        try (var reader = READERS.createReader(new StringReader(json))) {
            return redacted(reader.readValue(), false);
        }
    }

    private static JsonValue redacted(JsonValue value, boolean inCard) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder object = JsonObjects.object();
                for (Map.Entry<String, JsonValue> field : value.asJsonObject().entrySet()) {
                    boolean card = field.getKey().equals("card");
                    object.add(field.getKey(), inCard && field.getKey().equals("number") ? masked(field.getValue())
                            : redacted(field.getValue(), card));
                }
                return object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JsonObjects.array();
                value.asJsonArray().forEach(item -> array.add(redacted(item, false)));
                return array.build();
            }
            default -> {
                return value;
            }
        }
    }

    private static JsonValue masked(JsonValue number) {
        String digits = number.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) number).getString() : "";
        return Json.createValue("**** " + digits.substring(Math.max(0, digits.length() - 4)));
    }
}
