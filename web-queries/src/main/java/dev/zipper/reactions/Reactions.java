package dev.zipper.reactions;

import dev.zipper.domain.ProcessType;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.RecordedEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What reacts to events by issuing commands, found as CDI beans: processes (a produced {@link ProcessType},
 * run by the command side's {@code ProcessRunner}, once per event) and automations (which call the world
 * outside, such as a payment gateway, and record its answer as a command).
 */
@ApplicationScoped
public class Reactions {

    @Inject
    @Any
    private Instance<ProcessType<?, ?, ?>> processTypes;

    @Inject
    @Any
    private Instance<Automation<?>> foundAutomations;

    private List<ProcessType<?, ?, ?>> processes;
    private Map<String, List<Automation<?>>> automations;

    @PostConstruct
    void find() {
        processes = processTypes.stream().toList();
        automations = foundAutomations.stream().collect(Collectors.groupingBy(a -> a.follows().streamType()));
    }

    /** Every process the read side runs. */
    public List<ProcessType<?, ?, ?>> processes() {
        return processes;
    }

    /** The processes that follow events of this type. */
    public List<ProcessType<?, ?, ?>> processes(RecordedEvent event) {
        return processes.stream().filter(process -> process.follows(event.type())).toList();
    }

    /** The automations that follow the event's stream type. */
    public List<Automation<?>> automations(RecordedEvent event) {
        return automations.getOrDefault(event.streamType(), List.of());
    }

    /** Every automation. */
    public List<Automation<?>> automations() {
        return automations.values().stream().flatMap(List::stream).toList();
    }

    /** Runs an automation on one event, outside any transaction. */
    public static <E> void run(Automation<E> automation, RecordedEvent event) {
        automation.on(EventCodec.of(automation.follows().events()).decode(event), event);
    }
}
