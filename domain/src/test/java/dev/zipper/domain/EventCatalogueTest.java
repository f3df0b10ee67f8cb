package dev.zipper.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's event catalogue lists every event type the domain stores, at its current version: each
 * sealed interface of {@link EventType} records among the domain's classes is found, none listed by hand.
 */
class EventCatalogueTest {

    @Test
    void the_readme_lists_every_event_type_at_its_current_version() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> types = eventTypes();

        assertThat(types).hasSizeGreaterThan(30);
        assertThat(types).allSatisfy(row -> assertThat(readme).contains(row));
    }

    /** "| `name` | version" for each event record the domain's sealed roots permit. */
    private static List<String> eventTypes() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isInterface() && type.isSealed()) {
                    for (Class<?> event : type.getPermittedSubclasses()) {
                        EventType stored = event.getAnnotation(EventType.class);
                        if (stored != null) {
                            rows.add("| `" + stored.name() + "` | " + stored.version());
                        }
                    }
                }
            }
        }
        return rows;
    }
}
