package dev.zipper.delivery;

import dev.zipper.domain.ProcessType;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.process.InstanceTurns;
import dev.zipper.process.ProcessRunner;
import dev.zipper.reactions.Automation;
import dev.zipper.reactions.Reactions;
import dev.zipper.readside.Projection;
import dev.zipper.readside.Projector;
import dev.zipper.readside.ReadSide;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The read side's readers of the log, each under the name its parked streams are kept by: the processes
 * (by their stream type), the projections and the automations. How each takes an event (in its own
 * transaction, its races settled: {@link Races}) and how it skips one.
 */
@ApplicationScoped
public class Readers {

    @Inject
    private ReadSide readSide;

    @Inject
    private Reactions reactions;

    @Inject
    private ProcessRunner processRunner;

    @Inject
    private Projector projector;

    @Inject
    private Races races;

    @Inject
    private InstanceTurns turns;

    /** One reader: what taking an event does, and what skipping one does. */
    public interface Reader {
        String name();

        /** Takes the event; {@code parked}: the streams parked for this reader (a batch from the log leaves them out). */
        void take(RecordedEvent event, Predicate<StreamId> parked);

        void skip(RecordedEvent event);
    }

    /** Those that follow the event, in the order they take it: processes, projections, automations. */
    public List<Reader> following(RecordedEvent event) {
        List<Reader> following = new ArrayList<>();
        reactions.processes(event).forEach(process -> following.add(process(process)));
        readSide.following(event).forEach(projection -> following.add(projection(projection)));
        reactions.automations(event).forEach(automation -> following.add(automation(automation)));
        return following;
    }

    public Optional<Reader> named(String name) {
        return Stream.of(reactions.processes().stream().map(this::process), readSide.projections().stream().map(this::projection),
                reactions.automations().stream().map(this::automation)).flatMap(s -> s).filter(r -> r.name().equals(name)).findFirst();
    }

    private Reader process(ProcessType<?, ?, ?> process) {
        return new Reader() {
            public String name() {
                return process.streamType();
            }

            public void take(RecordedEvent event, Predicate<StreamId> parked) {
                // its step, or a command it issues, may lose a race for a stream: the whole step runs again
                turns.take(process, event, () -> races.settle(name(), () -> processRunner.handle(process, event)));
            }

            public void skip(RecordedEvent event) {
                turns.take(process, event, () -> processRunner.skip(process, event));
            }
        };
    }

    private Reader projection(Projection<?, ?> projection) {
        return new Reader() {
            public String name() {
                return projection.name();
            }

            public void take(RecordedEvent event, Predicate<StreamId> parked) {
                races.settle(name(), () -> readSide.apply(projection, event, parked));
            }

            public void skip(RecordedEvent event) {
                races.settle(name(), () -> projector.skip(projection, event));
            }
        };
    }

    private Reader automation(Automation<?> automation) {
        return new Reader() {
            public String name() {
                return automation.name();
            }

            public void take(RecordedEvent event, Predicate<StreamId> parked) {
                Reactions.run(automation, event);
            }

            public void skip(RecordedEvent event) {
                // it keeps nothing: a skipped event is one it never acts on
            }
        };
    }
}
