package dev.zipper.projection;

import dev.zipper.domain.ProcessType;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.process.ProcessRunner;
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
 * Every projection, process and automation the application holds, found as CDI beans when the read
 * side starts (a process is a produced {@link ProcessType}), and the delivery of an event to those that
 * follow its stream type, each in its own transaction (an automation in none), each race it loses
 * settled here ({@link Races}). An event of a type nobody follows is acknowledged and forgotten. Should
 * one of them fail, the message is redelivered and the others drop it as a duplicate.
 */
@ApplicationScoped
public class ReadSide {

    @Inject
    @Any
    private Instance<Projection<?, ?>> found;

    @Inject
    @Any
    private Instance<ProcessType<?, ?>> processTypes;

    @Inject
    @Any
    private Instance<Automation<?>> foundAutomations;

    @Inject
    private Projector projector;

    @Inject
    private CatchUp catchUp;

    @Inject
    private ProcessRunner processRunner;

    @Inject
    private ProjectionCounters counters;

    @Inject
    private Races races;

    private List<Projection<?, ?>> projections;
    private Map<String, List<Projection<?, ?>>> byStreamType;
    private List<ProcessType<?, ?>> processes;
    private Map<String, List<Automation<?>>> automations;

    @PostConstruct
    void find() {
        projections = found.stream().sorted(Comparator.comparing(Projection::name)).toList();
        byStreamType = projections.stream().collect(Collectors.groupingBy(p -> p.follows().streamType()));
        processes = processTypes.stream().toList();
        automations = foundAutomations.stream().collect(Collectors.groupingBy(a -> a.follows().streamType()));
    }

    public void deliver(RecordedEvent event) {
        for (Projection<?, ?> projection : byStreamType.getOrDefault(event.streamType(), List.of())) {
            try (ProjectionCounters.InFlight handling = counters.handling(projection.name())) {
                races.settle(projection.name(), () -> {
                    if (!catchUp.applied(projection, event)) {
                        projector.apply(projection, event);
                    }
                });
            }
        }
        for (ProcessType<?, ?> process : processes) {
            if (process.source(event.streamType()).isPresent()) {
                // its step, or a command it issues, may lose a race for a stream: the whole step runs again
                races.settle(process.streamType(), () -> processRunner.handle(process, event));
            }
        }
        for (Automation<?> automation : automations.getOrDefault(event.streamType(), List.of())) {
            run(automation, event);
        }
    }

    private static <E> void run(Automation<E> automation, RecordedEvent event) {
        automation.on(EventCodec.of(automation.follows().events()).decode(event), event);
    }

    /** By name. */
    public List<Projection<?, ?>> projections() {
        return projections;
    }
}
