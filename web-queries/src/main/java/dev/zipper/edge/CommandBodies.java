package dev.zipper.edge;

import dev.zipper.domain.Omittable;
import dev.zipper.http.JsonBody;
import dev.zipper.http.JsonObjects;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A command's body as a record: each component is a JSON field of its name, or the path's variable of
 * that name. Fields the record does not name are refused, a missing one is null (the record's own checks
 * say whether it may be), and what the record's constructor refuses is a 400. The same components make
 * the body's schema in the API document, so the two cannot disagree.
 */
public final class CommandBodies {

    /** Each record's canonical constructor, looked up once. */
    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                return canonical;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " cannot be made from a request body", e);
            }
        }
    };

    private CommandBodies() {
    }

    /** The record from the body (absent: an empty one) and the path's variables. */
    public static <B> B read(Class<B> type, JsonBody body, Map<String, String> path) {
        RecordComponent[] components = type.getRecordComponents();
        body.only(Arrays.stream(components).map(RecordComponent::getName).filter(name -> !path.containsKey(name))
                .toArray(String[]::new));
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String value = path.get(components[i].getName());
            values[i] = value != null ? value : field(body, components[i]);
        }
        try {
            return type.cast(CONSTRUCTORS.get(type).newInstance(values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused; // the record's own checks: InvalidCommand, a 400
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " cannot be made from a request body", e);
        }
    }

    private static Object field(JsonBody body, RecordComponent component) {
        Class<?> type = component.getType();
        String name = component.getName();
        if (type == String.class) {
            return body.text(name);
        }
        if (type == int.class) {
            return body.integer(name);
        }
        if (type == BigDecimal.class) {
            return body.has(name) ? body.decimal(name) : null;
        }
        throw new IllegalStateException(component + ": a command body holds text, whole numbers and decimals");
    }

    /** The JSON schema of the body: the record's components that the path does not give. */
    public static JsonObject schema(Class<?> type, Set<String> pathVariables) {
        JsonObjectBuilder properties = JsonObjects.object();
        JsonArrayBuilder required = JsonObjects.array();
        boolean anyRequired = false;
        for (RecordComponent component : type.getRecordComponents()) {
            if (!pathVariables.contains(component.getName())) {
                properties.add(component.getName(), JsonObjects.object().add("type", jsonType(component.getType())));
                if (!component.isAnnotationPresent(Omittable.class)) {
                    required.add(component.getName());
                    anyRequired = true;
                }
            }
        }
        JsonObjectBuilder schema = JsonObjects.object().add("type", "object").add("properties", properties)
                .add("additionalProperties", false);
        return (anyRequired ? schema.add("required", required) : schema).build();
    }

    private static String jsonType(Class<?> type) {
        if (type == int.class) {
            return "integer";
        }
        return type == BigDecimal.class ? "number" : "string";
    }
}
