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

    private static int update(Connection connection, String reader, long position) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE log_readers SET position = ? WHERE name = ?")) {
            update.setLong(1, position);
            update.setString(2, reader);
            return update.executeUpdate();
        }
    }
}
