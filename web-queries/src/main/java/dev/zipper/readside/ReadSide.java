package dev.zipper.readside;

import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every projection the application holds, found as CDI beans when the read side starts (each slice
 * produces its own), and how one event is applied to one of them: in its own transaction, exactly once
 * and in stream order ({@link Projector}), unless a catch-up from the log has applied it already.
 */
@ApplicationScoped
public class ReadSide {

    @Inject
    @Any
    private Instance<Projection<?, ?>> found;

    @Inject
    private Projector projector;

    @Inject
    private CatchUp catchUp;

    @Inject
    private ProjectionCounters counters;

    @Inject
    private CutOverLocks locks;

    private List<Projection<?, ?>> projections;
    private Map<String, List<Projection<?, ?>>> byStreamType;

    @PostConstruct
    void find() {
        projections = found.stream().sorted(Comparator.comparing(Projection::name)).toList();
        byStreamType = projections.stream().collect(Collectors.groupingBy(p -> p.follows().streamType()));
    }

    /** By name. */
    public List<Projection<?, ?>> projections() {
        return projections;
    }

    /** Those that follow the event's stream type. */
    public List<Projection<?, ?>> following(RecordedEvent event) {
        return byStreamType.getOrDefault(event.streamType(), List.of());
    }

    /** Applies the event; a batch from the log it may start leaves out the streams {@code parked} names. */
    public void apply(Projection<?, ?> projection, RecordedEvent event, Predicate<StreamId> parked) {
        try (ProjectionCounters.InFlight handling = counters.handling(projection.name())) {
            locks.writing(projection.name(), () -> {
                if (!catchUp.applied(projection, event, parked)) {
                    projector.apply(projection, event);
                }
            });
        }
    }
}
