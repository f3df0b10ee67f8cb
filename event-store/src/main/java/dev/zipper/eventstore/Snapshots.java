package dev.zipper.eventstore;

import dev.zipper.domain.StateVersion;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The latest snapshot of each stream's state: the state as JSON, the stream version and log position it
 * was taken at, and the shape of the state record ({@link StateVersion}). One row per stream, replaced by
 * the next; a snapshot of another shape, or one that no longer reads, counts as none. Inside a container
 * the connection belongs to the caller's JTA transaction, so a snapshot is kept only if its command commits.
 */
public class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new OrderedMaps()));

    private static final String COLUMNS = "stream_type, stream_id, stream_version, position, state_version, state, taken_at";

    private final DataSource dataSource;

    public Snapshots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stream's state after its first {@code version} events, the last of them at {@code position}. */
    public record Snapshot<S>(int version, long position, S state) {
    }

    /** The stream's latest snapshot of a state of this shape, if there is one that reads. */
    public <S> Optional<Snapshot<S>> latest(StreamId stream, Class<S> stateType) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT stream_version, position, state FROM snapshots "
                     + "WHERE stream_type = ? AND stream_id = ? AND state_version = ?")) {
            select.setString(1, stream.type());
            select.setString(2, stream.id());
            select.setInt(3, versionOf(stateType));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int version = row.getInt(1);
                long position = row.getLong(2);
                return read(row.getString(3), stateType, stream).map(state -> new Snapshot<>(version, position, state));
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the snapshot of " + stream, e);
        }
    }

    private static <S> Optional<S> read(String json, Class<S> stateType, StreamId stream) {
        try {
            return Optional.of(JSONB.fromJson(json, stateType));
        } catch (RuntimeException e) { // JSON-B's, or the state record's own checks
            LOG.warning(() -> "The snapshot of " + stream + " does not read as " + stateType.getSimpleName()
                    + "; folding the stream from its start: " + e);
            return Optional.empty();
        }
    }

    /**
     * Keeps this state as the stream's snapshot, in place of an older one, in one statement that waits for
     * a concurrent writer of the same stream's snapshot instead of failing (its transaction may be a command's).
     */
    public <S> void keep(StreamId stream, Snapshot<S> snapshot) {
        String state = JSONB.toJson(snapshot.state());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(LogNotifications.supported(connection)
                     ? "INSERT INTO snapshots (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                     + "ON CONFLICT (stream_type, stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, "
                     + "position = EXCLUDED.position, state_version = EXCLUDED.state_version, state = EXCLUDED.state, "
                     + "taken_at = EXCLUDED.taken_at WHERE snapshots.stream_version < EXCLUDED.stream_version"
                     : "MERGE INTO snapshots (" + COLUMNS + ") KEY (stream_type, stream_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, stream.type());
            upsert.setString(2, stream.id());
            upsert.setInt(3, snapshot.version());
            upsert.setLong(4, snapshot.position());
            upsert.setInt(5, versionOf(snapshot.state().getClass()));
            upsert.setString(6, state);
            upsert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new EventLogFailure("Could not keep the snapshot of " + stream, e);
        }
    }

    /** The shape of a state record: its {@link StateVersion}, 1 without one. */
    static int versionOf(Class<?> stateType) {
        StateVersion version = stateType.getAnnotation(StateVersion.class);
        return version == null ? 1 : version.value();
    }
}
