package dev.zipper.eventcatalogue;

import dev.zipper.domain.Omittable;
import dev.zipper.domain.Personal;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON schema of an event record as the log stores it (JSON-B's mapping of its components, each
 * left out when null): a personal field is marked {@code x-personal} (stored sealed, and gone once its
 * customer is erased).
 */
final class PayloadSchema {

    private PayloadSchema() {
    }

    static JsonObject of(Class<?> record) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonObjectBuilder field = Json.createObjectBuilder(of(component.getGenericType()));
            if (component.isAnnotationPresent(Personal.class)) {
                field.add("x-personal", true);
            }
            if (component.isAnnotationPresent(Omittable.class)) {
                field.add("description", "Left out when it has no value");
            }
            properties.add(component.getName(), field);
        }
        return Json.createObjectBuilder().add("type", "object").add("properties", properties)
                .add("additionalProperties", false).build();
    }

    private static JsonObject of(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Json.createObjectBuilder().add("type", "array").add("items", of(arguments[0])).build();
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Json.createObjectBuilder().add("type", "object").add("additionalProperties", of(arguments[1])).build();
            }
            throw new IllegalArgumentException("No JSON schema for " + type);
        }
        Class<?> plain = (Class<?>) type;
        if (plain == String.class) {
            return simple("string");
        }
        if (plain == int.class || plain == Integer.class || plain == long.class || plain == Long.class) {
            return simple("integer");
        }
        if (plain == BigDecimal.class || plain == double.class || plain == Double.class) {
            return simple("number");
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return simple("boolean");
        }
        if (plain == Instant.class) {
            return Json.createObjectBuilder().add("type", "string").add("format", "date-time").build();
        }
        if (plain == LocalDate.class) {
            return Json.createObjectBuilder().add("type", "string").add("format", "date").build();
        }
        if (plain == UUID.class) {
            return Json.createObjectBuilder().add("type", "string").add("format", "uuid").build();
        }
        if (plain.isEnum()) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (Object value : plain.getEnumConstants()) {
                values.add(((Enum<?>) value).name());
            }
            return Json.createObjectBuilder().add("type", "string").add("enum", values).build();
        }
        if (plain.isRecord()) {
            return of(plain);
        }
        throw new IllegalArgumentException("No JSON schema for " + type + ": an event's fields are records, text, "
                + "numbers, instants, enums, lists and maps");
    }

    private static JsonObject simple(String type) {
        return Json.createObjectBuilder().add("type", type).build();
    }
}
