package dev.zipper.edge;

import dev.zipper.domain.ProcessType;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.reactions.Reactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Any event of the log in its current shape, for the live stream, which serves every stream type: the
 * codecs of the aggregates the API serves and of the processes the read side runs, by event type name,
 * found once. An event no codec names (the kernel's own marks) is shown as stored.
 */
@ApplicationScoped
public class EventShapes {

    @Inject
    private Api api;

    @Inject
    private Reactions reactions;

    private volatile Map<String, EventCodec<?>> byType;

    public NewEvent current(RecordedEvent event) {
        EventCodec<?> codec = codecs().get(event.type());
        return codec != null ? codec.current(event)
                : new NewEvent(event.type(), event.schemaVersion(), event.payload(), event.metadata());
    }

    private Map<String, EventCodec<?>> codecs() {
        if (byType == null) {
            Map<String, EventCodec<?>> found = new HashMap<>();
            Stream.concat(api.routes().stream().map(Route::events).filter(Objects::nonNull),
                            reactions.processes().stream().map(ProcessType::events))
                    .map(EventCodec::of).forEach(codec -> codec.typeNames().forEach(name -> found.put(name, codec)));
            byType = Map.copyOf(found);
        }
        return byType;
    }
}
