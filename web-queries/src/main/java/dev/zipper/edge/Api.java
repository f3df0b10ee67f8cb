package dev.zipper.edge;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every route of the API, found once among the {@link Operations} beans, by collection. */
@ApplicationScoped
public class Api {

    @Inject
    private Instance<Operations> found;

    private Map<String, List<Route>> byCollection = new HashMap<>();

    @PostConstruct
    void index() {
        byCollection = found.stream().flatMap(operations -> operations.routes().stream())
                .collect(Collectors.groupingBy(Route::collection));
    }

    /** Every route, by path and method, as the API document lists them. */
    public List<Route> routes() {
        return byCollection.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method)).toList();
    }

    /** The routes of a collection that serve the path below it (not those only listed for the document). */
    public List<Route> matching(String collection, List<String> path) {
        return byCollection.getOrDefault(collection, List.of()).stream()
                .filter(r -> r.handler() != null && r.match(path).isPresent()).toList();
    }

    public Optional<Route> route(String method, String collection, List<String> path) {
        return matching(collection, path).stream().filter(r -> r.method().equals(method)).findFirst();
    }
}
