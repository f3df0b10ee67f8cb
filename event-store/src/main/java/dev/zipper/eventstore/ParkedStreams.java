package dev.zipper.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The streams that a reader of the log (a projection, a process, an automation, by name) has set aside:
 * one of their events failed it after its retries, and the reader takes none of the stream's events until
 * an operator retries or skips that one. Each change commits on its own, outside any transaction.
 */
public class ParkedStreams {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ERROR = 2000;

    private final DataSource dataSource;

    public ParkedStreams(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A parked stream: {@code version} is its first event the reader has not taken. */
    public record Parked(String reader, StreamId stream, int version, long position, String eventType, String error,
                         Instant parkedAt) {
    }

    /** Parks the stream at this event, or, if it is parked already, at the earlier of the two. */
    public void park(String reader, RecordedEvent event, String error) {
        String shortened = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO parked_streams (reader, stream_type, "
                    + "stream_id, stream_version, position, event_type, error, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, reader);
                insert.setString(2, event.streamType());
                insert.setString(3, event.streamId());
                insert.setInt(4, event.streamVersion());
                insert.setLong(5, event.position());
                insert.setString(6, event.type());
                insert.setString(7, shortened);
                insert.setObject(8, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                try (PreparedStatement earlier = connection.prepareStatement("UPDATE parked_streams SET stream_version = ?, "
                        + "position = ?, event_type = ?, error = ? WHERE reader = ? AND stream_type = ? AND stream_id = ? "
                        + "AND stream_version > ?")) {
                    earlier.setInt(1, event.streamVersion());
                    earlier.setLong(2, event.position());
                    earlier.setString(3, event.type());
                    earlier.setString(4, shortened);
                    earlier.setString(5, reader);
                    earlier.setString(6, event.streamType());
                    earlier.setString(7, event.streamId());
                    earlier.setInt(8, event.streamVersion());
                    earlier.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not park " + event.stream() + " for " + reader, e);
        }
    }

    /** Takes the stream out of the parked ones; what it was, if it was parked. */
    public Optional<Parked> release(String reader, StreamId stream) {
        Optional<Parked> parked = all().stream().filter(p -> p.reader().equals(reader) && p.stream().equals(stream)).findFirst();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM parked_streams WHERE reader = ? AND stream_type = ? AND stream_id = ?")) {
            delete.setString(1, reader);
            delete.setString(2, stream.type());
            delete.setString(3, stream.id());
            return delete.executeUpdate() == 1 ? parked : Optional.empty();
        } catch (SQLException e) {
            throw new EventLogFailure("Could not release " + stream + " for " + reader, e);
        }
    }

    /** Every parked stream, the longest parked first. */
    public List<Parked> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT reader, stream_type, stream_id, stream_version, "
                     + "position, event_type, error, parked_at FROM parked_streams ORDER BY parked_at, reader, stream_type, stream_id");
             ResultSet rows = select.executeQuery()) {
            List<Parked> parked = new ArrayList<>();
            while (rows.next()) {
                parked.add(new Parked(rows.getString(1), new StreamId(rows.getString(2), rows.getString(3)), rows.getInt(4),
                        rows.getLong(5), rows.getString(6), rows.getString(7),
                        rows.getObject(8, OffsetDateTime.class).toInstant()));
            }
            return parked;
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the parked streams", e);
        }
    }
}
