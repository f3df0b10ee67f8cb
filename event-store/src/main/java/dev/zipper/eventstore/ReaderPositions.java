package dev.zipper.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * How far each named reader of the log (the relay, a catch-up reader) has got. A save joins the
 * caller's transaction, so a reader records its position together with what it did up to there.
 */
public class ReaderPositions {

    private final DataSource dataSource;

    public ReaderPositions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The last position the reader has dealt with; 0 for a reader that has not started. */
    public long position(String reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT position FROM log_readers WHERE name = ?")) {
            query.setString(1, reader);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the position of " + reader, e);
        }
    }

    public void save(String reader, long position) {
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, reader, position) == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO log_readers (name, position) VALUES (?, ?)")) {
                    insert.setString(1, reader);
                    insert.setLong(2, position);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not save the position of " + reader, e);
        }
    }

    /**
     * Saves the position of a reader that only the holder of {@code lease} may run (the relay), as one
     * statement that checks the lease: only while its term is the current one and has not expired by the
     * database's clock, and never backwards. False, with nothing saved, once another instance has taken
     * the lease: the caller has lost it and must stop.
     */
    public boolean saveWhileHeld(String reader, long position, Leases.Lease lease) {
        String held = "(SELECT term FROM log_leases WHERE name = ? AND holder = ? AND expires_at > CURRENT_TIMESTAMP)";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE log_readers SET position = ? WHERE name = ? AND position <= ? AND ? = " + held)) {
                update.setLong(1, position);
                update.setString(2, reader);
                update.setLong(3, position);
                update.setLong(4, lease.term());
                update.setString(5, lease.name());
                update.setString(6, lease.holder());
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_readers (name, position) "
                    + "SELECT ?, ? FROM log_leases WHERE name = ? AND holder = ? AND term = ? AND expires_at > CURRENT_TIMESTAMP "
                    + "AND NOT EXISTS (SELECT 1 FROM log_readers WHERE name = ?)")) {
                insert.setString(1, reader);
                insert.setLong(2, position);
                insert.setString(3, lease.name());
                insert.setString(4, lease.holder());
                insert.setLong(5, lease.term());
                insert.setString(6, reader);
                return insert.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not save the position of " + reader, e);
        }
    }

    private static int update(Connection connection, String reader, long position) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE log_readers SET position = ? WHERE name = ?")) {
            update.setLong(1, position);
            update.setString(2, reader);
            return update.executeUpdate();
        }
    }
}
