package dev.zipper.eventstore;

import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON object of counts into a map that keeps its keys' order (JSON-B would make a HashMap), so a
 * state whose map's order means something, such as a cart's lines in the order they were added, reads back
 * from its snapshot as it was taken. JSON-B picks a deserializer by the exact declared type: this one serves
 * {@code Map<String, Integer>}, the only map the states hold; {@code SnapshotsTest} folds every aggregate
 * through a snapshot and fails on a state that loses its order.
 */
final class OrderedMaps implements JsonbDeserializer<Map<String, Integer>> {

    @Override
    public Map<String, Integer> deserialize(JsonParser parser, DeserializationContext context, Type type) {
        Map<String, Integer> read = new LinkedHashMap<>();
        while (parser.next() == JsonParser.Event.KEY_NAME) {
            String key = parser.getString();
            parser.next();
            read.put(key, context.deserialize(Integer.class, parser));
        }
        return read;
    }
}
