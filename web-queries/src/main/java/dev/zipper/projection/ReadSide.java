package dev.zipper.projection;

import dev.zipper.eventstore.RecordedEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every projection the application holds, found as CDI beans when the read side starts, and the
 * delivery of an event to those that follow its stream type, each in its own transaction. An event of a
 * type nobody follows is acknowledged and forgotten. Should one projection fail, the message is
 * redelivered and the others drop it as a duplicate.
 */
@ApplicationScoped
public class ReadSide {

    @Inject
    @Any
    private Instance<Projection<?, ?>> found;

    @Inject
    private Projector projector;

    @Inject
    private ProjectionCounters counters;

    private List<Projection<?, ?>> projections;
    private Map<String, List<Projection<?, ?>>> byStreamType;

    @PostConstruct
    void find() {
        projections = found.stream().sorted(Comparator.comparing(Projection::name)).toList();
        byStreamType = projections.stream().collect(Collectors.groupingBy(p -> p.follows().streamType()));
    }

    public void deliver(RecordedEvent event) {
        for (Projection<?, ?> projection : byStreamType.getOrDefault(event.streamType(), List.of())) {
            try (ProjectionCounters.InFlight handling = counters.handling(projection.name())) {
                projector.apply(projection, event);
            }
        }
    }

    /** By name. */
    public List<Projection<?, ?>> projections() {
        return projections;
    }
}
