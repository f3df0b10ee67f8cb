package dev.zipper.eventcatalogue;

import dev.zipper.domain.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The sealed event roots of the project's classes on a class path: every sealed interface under
 * {@code dev.zipper} (in a folder of classes or a jar) whose permitted records carry {@link EventType}.
 * Found, not listed: a new aggregate's or process's events are in the catalogue by being written.
 */
final class EventRoots {

    private static final String PACKAGE = "dev/zipper/";

    private EventRoots() {
    }

    /** The roots, ordered by name, loaded by {@code loader}. */
    static List<Class<?>> on(ClassLoader loader) {
        TreeSet<String> classes = new TreeSet<>();
        try {
            for (URL location : Collections.list(loader.getResources(PACKAGE))) {
                classes.addAll(classNames(location));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes.stream().flatMap(name -> load(name, loader).stream())
                .filter(type -> type.isInterface() && type.isSealed())
                .filter(root -> Arrays.stream(root.getPermittedSubclasses()).anyMatch(e -> e.isAnnotationPresent(EventType.class)))
                .sorted(Comparator.comparing(Class::getName)).toList();
    }

    private static List<String> classNames(URL location) throws IOException {
        try {
            if (location.getProtocol().equals("jar")) {
                String jar = location.toString().substring("jar:".length(), location.toString().indexOf("!/"));
                try (FileSystem files = FileSystems.newFileSystem(Path.of(new URL(jar).toURI()), Map.of())) {
                    return classNames(files.getPath("/"));
                }
            }
            Path folder = Path.of(location.toURI());
            return classNames(folder.getParent().getParent()); // the folder of classes that holds dev/zipper
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(location.toString(), e);
        }
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
            return files.map(file -> root.relativize(file).toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')).toList();
        }
    }

    /**
     * The class, if it loads: one that extends a container's class (a servlet, say) does not, as the build
     * runs without the server's API; no event root or event does.
     */
    private static Optional<Class<?>> load(String name, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
