package dev.zipper.edge;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The application's routes, for tests that need the whole API without a container. */
public final class EveryRoute {

    private EveryRoute() {
    }

    /** Every route of every Operations class compiled into the application, made without a container. */
    public static List<Route> of() {
        try {
            Path classes = Path.of(Operations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Route> routes = new ArrayList<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, EveryRoute.class.getClassLoader());
                    if (Operations.class.isAssignableFrom(type) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers())) {
                        Constructor<?> constructor = type.getDeclaredConstructor();
                        constructor.setAccessible(true);
                        routes.addAll(((Operations) constructor.newInstance()).routes());
                    }
                }
            }
            return routes;
        } catch (IOException | URISyntaxException | ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
