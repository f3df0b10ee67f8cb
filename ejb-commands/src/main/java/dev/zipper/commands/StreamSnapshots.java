package dev.zipper.commands;

import dev.zipper.domain.AggregateType;
import dev.zipper.eventstore.Snapshots;
import dev.zipper.eventstore.StreamId;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Snapshots of aggregates' states, so that a command on a long stream that this server does not hold in
 * {@link StreamStates} (after a start, or when another instance took the stream's last commands) reads
 * the latest snapshot and the events after it, not the whole stream. A snapshot is taken, in the
 * command's transaction, when a command's events bring its stream past a multiple of N, and when N or more
 * events had to be folded to find a stream's state (a stream imported, or one whose snapshot is of an older
 * shape). N is {@code zipper.snapshots.<stream type>.every}, else {@code zipper.snapshots.every} (100; 0:
 * none).
 */
@ApplicationScoped
public class StreamSnapshots {

    private static final int DEFAULT_EVERY = 100;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    private Snapshots snapshots;
    private int every;
    private final Map<String, Integer> everyByType = new ConcurrentHashMap<>();

    @PostConstruct
    void configure() {
        snapshots = new Snapshots(dataSource);
        every = ConfigProvider.getConfig().getOptionalValue("zipper.snapshots.every", Integer.class).orElse(DEFAULT_EVERY);
    }

    /** Where a command starts on a stream: what this server knows of it, else its snapshot, else its first event. */
    @SuppressWarnings("unchecked") // an initial state's class is the state's type
    <S> StreamStates.Known<S> start(AggregateType<?, ?, S> type, StreamId stream, StreamStates.Known<S> known) {
        if (known.version() > 0 || every(type) == 0) {
            return known;
        }
        Class<S> stateType = (Class<S>) type.decider().initialState().getClass();
        return snapshots.latest(stream, stateType)
                .map(taken -> new StreamStates.Known<>(taken.version(), taken.position(), taken.state())).orElse(known);
    }

    /**
     * Keeps the state found by folding {@code folded} events as the stream's snapshot if they were N or more
     * (in the reading command's transaction: a refused command's is taken again by the next one).
     */
    <S> void folded(AggregateType<?, ?, S> type, StreamId stream, int folded, StreamStates.Known<S> found) {
        int n = every(type);
        if (n > 0 && folded >= n) {
            keep(stream, found);
        }
    }

    /** Keeps the state a command decided as the stream's snapshot if its events passed a multiple of N. */
    <S> void decided(AggregateType<?, ?, S> type, StreamId stream, int before, StreamStates.Known<S> decided) {
        int n = every(type);
        if (n > 0 && decided.version() / n > before / n) {
            keep(stream, decided);
        }
    }

    private <S> void keep(StreamId stream, StreamStates.Known<S> known) {
        snapshots.keep(stream, new Snapshots.Snapshot<>(known.version(), known.position(), known.state()));
    }

    private int every(AggregateType<?, ?, ?> type) {
        return everyByType.computeIfAbsent(type.streamType(), streamType -> {
            Config config = ConfigProvider.getConfig();
            return config.getOptionalValue("zipper.snapshots." + streamType + ".every", Integer.class).orElse(every);
        });
    }
}
