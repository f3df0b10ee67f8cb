package dev.zipper.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The append-only log over plain JDBC. Positions are handed out in commit order and without gaps, so
 * a reader that follows the log by position never skips an event that commits late. Inside a container the connection belongs to the caller's JTA
 * transaction; outside one (tests, tools) each append commits on its own.
 */
public class EventLog {

    /** Who commits an append. */
    public enum Transactions {
        /** The caller's JTA transaction: the append commits or rolls back with everything else in it. */
        CONTAINER,
        /** The log's own: each append is one local transaction. */
        LOCAL
    }

    private static final String COLUMNS = "position, stream_type, stream_id, stream_version, event_type, "
            + "schema_version, payload, event_id, correlation_id, causation_id, recorded_at, actor_subject, actor_roles, owner, trace";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_CORRELATED = 1000;

    private final DataSource dataSource;
    private final Transactions transactions;
    private final PersonalData personal = new PersonalData();
    /** Whether the database takes notifications (PostgreSQL); null until the first append asks. */
    private volatile Boolean notifies;

    public EventLog(DataSource dataSource, Transactions transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * Appends events to a stream if it is still at {@code expectedVersion} (0 for a new stream).
     *
     * @throws ConcurrencyConflict when the stream has moved on; nothing is written then
     */
    public AppendResult append(StreamId stream, int expectedVersion, List<NewEvent> events) {
        return append(stream, expectedVersion, events, true);
    }

    /**
     * Appends events after the version the caller read in this same transaction (a command that folded the
     * stream): the stream's version is not read again, since a writer that got in since is caught by the
     * unique key on the stream's versions (a {@link ConcurrencyConflict} all the same). Only for the
     * container's transactions: a local one could not have read the stream.
     */
    public AppendResult appendAfterRead(StreamId stream, int readVersion, List<NewEvent> events) {
        return append(stream, readVersion, events, false);
    }

    private AppendResult append(StreamId stream, int expectedVersion, List<NewEvent> events, boolean check) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("Nothing to append to " + stream);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (transactions == Transactions.CONTAINER) {
                return append(connection, stream, expectedVersion, events, check);
            }
            connection.setAutoCommit(false);
            try {
                AppendResult result = append(connection, stream, expectedVersion, events, true);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConcurrencyConflict(stream.id(), expectedVersion, e);
            }
            throw new EventLogFailure("Could not append to stream " + stream, e);
        }
    }

    private AppendResult append(Connection connection, StreamId stream, int expectedVersion, List<NewEvent> events,
                                boolean check) throws SQLException {
        // Checked before the head is taken, so that its lock covers only the writes; a writer that gets
        // in between is still caught, by the unique key on the stream's versions.
        int actual = check ? currentVersion(connection, stream) : expectedVersion;
        if (actual != expectedVersion) {
            throw new ConcurrencyConflict(stream.id(), expectedVersion, actual);
        }
        // The head's row lock, held to commit, puts concurrent appends in commit order.
        long position = advanceHead(connection, events.size()) - events.size();
        String sql = "INSERT INTO events (position, stream_type, stream_id, stream_version, event_type, schema_version, "
                + "payload, event_id, correlation_id, causation_id, recorded_at, actor_subject, actor_roles, owner, trace) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        // microseconds: what both databases store, so the returned events equal the stored ones
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int version = expectedVersion;
        List<RecordedEvent> recorded = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (NewEvent event : events) {
                RecordedEvent record = new RecordedEvent(++position, stream.type(), stream.id(), ++version, event.type(),
                        event.schemaVersion(), event.payload(), event.metadata(), now);
                insert.setLong(1, record.position());
                insert.setString(2, stream.type());
                insert.setString(3, stream.id());
                insert.setInt(4, record.streamVersion());
                insert.setString(5, event.type());
                insert.setInt(6, event.schemaVersion());
                insert.setString(7, personal.seal(connection, event.payload(), event.personal(), event.metadata().owner()));
                insert.setObject(8, event.metadata().eventId());
                insert.setObject(9, event.metadata().correlationId());
                insert.setObject(10, event.metadata().causationId());
                insert.setObject(11, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                Actor actor = event.metadata().actor();
                insert.setString(12, actor == null ? null : actor.subject());
                insert.setString(13, actor == null ? null : actor.rolesColumn());
                insert.setString(14, event.metadata().owner());
                insert.setString(15, event.metadata().trace());
                insert.addBatch();
                recorded.add(record);
            }
            insert.executeBatch();
        }
        for (NewEvent event : events) {
            if (event.erasesOwner() && event.metadata().owner() != null) {
                personal.erase(connection, event.metadata().owner());
            }
        }
        if (notifies(connection)) {
            // other instances hear of it once this commits: their relay and live subscribers need not poll
            LogNotifications.send(connection, LogNotifications.APPENDED, Long.toString(position));
        }
        return new AppendResult(recorded);
    }

    private boolean notifies(Connection connection) throws SQLException {
        Boolean known = notifies;
        if (known == null) {
            known = LogNotifications.supported(connection);
            notifies = known;
        }
        return known;
    }

    /** Moves the log's head on by {@code count} positions and returns the new head (see V3 migration). */
    private static long advanceHead(Connection connection, int count) throws SQLException {
        // the new head comes back with the update (RETURNING on PostgreSQL, FINAL TABLE on H2): one round trip
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE log_head SET position = position + ? WHERE id = 1", new String[] {"position"})) {
            update.setInt(1, count);
            update.executeUpdate();
            try (ResultSet head = update.getGeneratedKeys()) {
                head.next();
                return head.getLong(1);
            }
        }
    }

    private static long head(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT position FROM log_head WHERE id = 1");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int currentVersion(Connection connection, StreamId stream) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_type = ? AND stream_id = ?")) {
            query.setString(1, stream.type());
            query.setString(2, stream.id());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The stream's version as of a log position: how many of its events are at or before it (0: none). */
    public int versionAt(StreamId stream, long position) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(stream_version), 0) FROM events "
                     + "WHERE stream_type = ? AND stream_id = ? AND position <= ?")) {
            query.setString(1, stream.type());
            query.setString(2, stream.id());
            query.setLong(3, position);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the version of " + stream + " at " + position, e);
        }
    }

    /**
     * Which log this is: the id of its first event (empty while it has none). A copy of the database keeps
     * it; another database, even one with the same events appended, has another.
     */
    public Optional<UUID> identity() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT event_id FROM events WHERE position = 1");
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the log's first event", e);
        }
    }

    /** The position of the last committed event (0 for an empty log). */
    public long head() {
        try (Connection connection = dataSource.getConnection()) {
            return head(connection);
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the log's head", e);
        }
    }

    /**
     * Has the database sample the log again, so that the plans of its queries fit its size. A plan made
     * while the log was empty (a sequential scan and a sort) would otherwise stay with a prepared
     * statement for as long as nobody analyses the table, which on a database without autovacuum is
     * forever; a new analysis also makes the database plan those statements afresh.
     */
    public void analyze() {
        try (Connection connection = dataSource.getConnection(); Statement analyze = connection.createStatement()) {
            boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
            analyze.execute(h2 ? "ANALYZE TABLE events" : "ANALYZE events");
        } catch (SQLException e) {
            throw new EventLogFailure("Could not analyse the log", e);
        }
    }

    /** The stream's events after {@code afterVersion} (0 for all), in stream order. */
    public List<RecordedEvent> readStream(StreamId stream, int afterVersion) {
        return readStream(stream, afterVersion, Integer.MAX_VALUE);
    }

    /** The stream's events after {@code afterVersion} up to {@code upToVersion}, in stream order. */
    public List<RecordedEvent> readStream(StreamId stream, int afterVersion, int upToVersion) {
        return query("SELECT " + COLUMNS + " FROM events WHERE stream_type = ? AND stream_id = ? AND stream_version > ? "
                + "AND stream_version <= ? ORDER BY stream_version", stream.type(), stream.id(), afterVersion, upToVersion);
    }

    /**
     * Every event that shares a correlation id with an event of one of these streams (theirs among
     * them), in log order, at most {@value #MAX_CORRELATED}: what one piece of work touched, whichever
     * streams it crossed.
     */
    public List<RecordedEvent> readCorrelated(List<StreamId> streams) {
        String oneOf = String.join(" OR ", Collections.nCopies(streams.size(), "(stream_type = ? AND stream_id = ?)"));
        Object[] parameters = streams.stream().flatMap(stream -> Stream.of(stream.type(), stream.id())).toArray();
        return query("SELECT " + COLUMNS + " FROM events WHERE correlation_id IN (SELECT correlation_id FROM events WHERE "
                + oneOf + ") ORDER BY position FETCH FIRST " + MAX_CORRELATED + " ROWS ONLY", parameters);
    }

    /** Up to {@code maxCount} events after {@code afterPosition} (0 for the start), in log order. */
    public List<RecordedEvent> readLog(long afterPosition, int maxCount) {
        return query(true, "SELECT " + COLUMNS + " FROM events WHERE position > ? ORDER BY position "
                + "FETCH FIRST " + Math.max(1, maxCount) + " ROWS ONLY", afterPosition);
    }

    /**
     * As {@link #readLog}, the personal data left sealed as stored: for the relay, so that no customer's
     * personal data is in the broker's messages; {@link #open} opens an event read so.
     */
    public List<RecordedEvent> readLogSealed(long afterPosition, int maxCount) {
        return query(false, "SELECT " + COLUMNS + " FROM events WHERE position > ? ORDER BY position "
                + "FETCH FIRST " + Math.max(1, maxCount) + " ROWS ONLY", afterPosition);
    }

    /** The event with its personal data opened (or erased), if it was read sealed. */
    public RecordedEvent open(RecordedEvent event) {
        if (!PersonalData.sealed(event.payload())) {
            return event;
        }
        try (Connection connection = dataSource.getConnection()) {
            return opened(connection, event);
        } catch (SQLException e) {
            throw new EventLogFailure("Could not open the personal data of " + event.stream(), e);
        }
    }

    /**
     * How many events of this stream type the log holds after {@code afterPosition}, and when the oldest
     * of them was recorded: how far behind a reader of that type is.
     */
    public Backlog backlog(String streamType, long afterPosition) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*), MIN(recorded_at) FROM events WHERE position > ? AND stream_type = ?")) {
            query.setLong(1, afterPosition);
            query.setString(2, streamType);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                OffsetDateTime oldest = rows.getObject(2, OffsetDateTime.class);
                return new Backlog(rows.getLong(1), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not count the events after " + afterPosition, e);
        }
    }

    /** Events not yet dealt with: how many, and when the oldest was recorded (empty when none). */
    public record Backlog(long events, Optional<Instant> oldest) {
    }

    private List<RecordedEvent> query(String sql, Object... parameters) {
        return query(true, sql, parameters);
    }

    private List<RecordedEvent> query(boolean open, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<RecordedEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(recordedEvent(rows));
                }
            }
            if (open) {
                events.replaceAll(event -> opened(connection, event));
            }
            return events;
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the event log", e);
        }
    }

    private RecordedEvent opened(Connection connection, RecordedEvent event) {
        try {
            String payload = personal.open(connection, event.payload(), event.metadata().owner());
            return payload.equals(event.payload()) ? event : new RecordedEvent(event.position(), event.streamType(),
                    event.streamId(), event.streamVersion(), event.type(), event.schemaVersion(), payload, event.metadata(),
                    event.recordedAt());
        } catch (SQLException e) {
            throw new EventLogFailure("Could not open the personal data of " + event.stream(), e);
        }
    }

    private static RecordedEvent recordedEvent(ResultSet row) throws SQLException {
        return new RecordedEvent(
                row.getLong("position"),
                row.getString("stream_type"),
                row.getString("stream_id"),
                row.getInt("stream_version"),
                row.getString("event_type"),
                row.getInt("schema_version"),
                row.getString("payload"),
                new EventMetadata(row.getObject("event_id", UUID.class),
                        row.getObject("correlation_id", UUID.class),
                        row.getObject("causation_id", UUID.class),
                        Actor.of(row.getString("actor_subject"), row.getString("actor_roles")),
                        row.getString("owner"),
                        row.getString("trace")),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}
