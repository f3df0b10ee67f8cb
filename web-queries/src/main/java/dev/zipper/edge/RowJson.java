package dev.zipper.edge;

import dev.zipper.http.JsonObjects;
import dev.zipper.pricing.Money;
import dev.zipper.readside.ReadRow;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A read row as JSON, written from its columns, so that a view says how an event changes a row and
 * nothing more: each field under its own name (null ones left out), embedded objects and collections
 * of them as objects and arrays, enums by name, a timestamp as an instant, and an amount with the digits
 * of the currency in the row's {@code currency} field (9.90, not the column's 9.9000). The row's {@code id}
 * comes first, under the name the view gives it, and its {@code version} last; the bookkeeping columns
 * (log position, lock revision) are left out. The schema in the API document is read from the same fields.
 */
public final class RowJson {

    private static final List<String> BOOKKEEPING = List.of("id", "version", "lastPosition");

    private RowJson() {
    }

    public static JsonObjectBuilder of(ReadRow<?> row, String idName) {
        JsonObjectBuilder json = JsonObjects.object().add(idName, row.id());
        fields(row, json, currency(row));
        return json.add("version", row.version());
    }

    /** An object (a record, say) with its fields as {@link #of} writes a row's. */
    public static JsonObject of(Object value) {
        JsonObjectBuilder json = JsonObjects.object();
        fields(value, json);
        return json.build();
    }

    /** The schema of {@link #of(Object)}'s answer for objects of this class. */
    public static JsonObject schema(Class<?> type) {
        return object(type).build();
    }

    /** Adds the fields of an object (a record, say) as {@link #of} writes a row's. */
    public static void fields(Object value, JsonObjectBuilder json) {
        fields(value, json, currency(value));
    }

    private static void fields(Object value, JsonObjectBuilder json, String currency) {
        for (Field field : columns(value.getClass())) {
            Object column = read(field, value);
            if (column != null) {
                add(json, field.getName(), column, currency);
            }
        }
    }

    private static void add(JsonObjectBuilder json, String name, Object value, String currency) {
        if (value instanceof String text) {
            json.add(name, text);
        } else if (value instanceof Integer number) {
            json.add(name, number);
        } else if (value instanceof Long number) {
            json.add(name, number);
        } else if (value instanceof BigDecimal amount) {
            json.add(name, currency == null ? amount : new Money(amount, currency).amount());
        } else if (value instanceof Boolean flag) {
            json.add(name, flag);
        } else if (value instanceof Enum<?> constant) {
            json.add(name, constant.name());
        } else if (value instanceof OffsetDateTime time) {
            json.add(name, time.toInstant().toString());
        } else if (value instanceof LocalDate day) {
            json.add(name, day.toString());
        } else if (value instanceof ReadRow<?> row) {
            json.add(name, of(row, "id"));
        } else if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JsonObjects.array();
            items.forEach(item -> {
                JsonObjectBuilder object = JsonObjects.object();
                fields(item, object, currency);
                array.add(object);
            });
            json.add(name, array);
        } else {
            JsonObjectBuilder object = JsonObjects.object();
            fields(value, object, currency);
            JsonObject built = object.build();
            if (!built.isEmpty()) { // an embedded object whose columns are all null is not there
                json.add(name, built);
            }
        }
    }

    /** The schema of {@link #of}'s answer for rows of this class, with the fields of {@code also} beside them. */
    public static JsonObject schema(Class<?> rows, String idName, Class<?> also) {
        JsonObjectBuilder properties = JsonObjects.object().add(idName, type("string"));
        properties(rows, properties);
        properties.add("version", JsonObjects.object().add("type", "integer")
                .add("description", "The version of the stream shown: its events up to it are applied"));
        properties(also, properties);
        return JsonObjects.object().add("type", "object").add("required", JsonObjects.array().add(idName).add("version"))
                .add("properties", properties).build();
    }

    private static void properties(Class<?> type, JsonObjectBuilder properties) {
        for (Field field : columns(type)) {
            properties.add(field.getName(), schemaOf(field));
        }
    }

    private static JsonObjectBuilder schemaOf(Field field) {
        Class<?> type = field.getType();
        if (type == String.class) {
            return type("string");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return type("integer");
        }
        if (type == BigDecimal.class) {
            return type("number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return type("boolean");
        }
        if (type.isEnum()) {
            JsonArrayBuilder names = JsonObjects.array();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return type("string").add("enum", names);
        }
        if (type == OffsetDateTime.class) {
            return type("string").add("format", "date-time");
        }
        if (type == LocalDate.class) {
            return type("string").add("format", "date");
        }
        if (ReadRow.class.isAssignableFrom(type)) {
            return JsonObjects.object(schema(type, "id", Void.class));
        }
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> item = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
            return type("array").add("items", object(item));
        }
        return object(type);
    }

    private static JsonObjectBuilder object(Class<?> type) {
        JsonObjectBuilder properties = JsonObjects.object();
        properties(type, properties);
        return type("object").add("properties", properties);
    }

    private static JsonObjectBuilder type(String name) {
        return JsonObjects.object().add("type", name);
    }

    /** The fields that hold a class's content, in the order it declares them; read once per class. */
    private static final ClassValue<List<Field>> COLUMNS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> columns = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                boolean bookkeeping = Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
                        || field.isAnnotationPresent(Version.class) || field.getName().startsWith("_")
                        || field.getName().contains("$") || BOOKKEEPING.contains(field.getName());
                if (!bookkeeping) {
                    field.setAccessible(true);
                    columns.add(field);
                }
            }
            return List.copyOf(columns);
        }
    };

    private static List<Field> columns(Class<?> type) {
        return COLUMNS.get(type);
    }

    private static String currency(Object row) {
        for (Field field : columns(row.getClass())) {
            if (field.getName().equals("currency")) {
                return (String) read(field, row);
            }
        }
        return null;
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
