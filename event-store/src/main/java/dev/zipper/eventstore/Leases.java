package dev.zipper.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Leases on work that one instance at a time must do when several share the database (table
 * {@code log_leases}). A lease is held for a while and renewed by its holder; once it has expired, by the
 * database's clock (so the instances' clocks need not agree), any instance may take it, in a new term.
 * What the holder records for the work it records only while its term holds, in the same statement
 * ({@link ReaderPositions#saveWhileHeld}): an instance paused past its lease finds the term gone on waking.
 * Each call is a statement of its own, outside the caller's transaction.
 */
public class Leases {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public Leases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A lease as its holder holds it: in which term, since when. */
    public record Lease(String name, String holder, long term, Instant since) {
    }

    /** Who holds a lease, or held it last, and until when; {@code held}: not expired yet, by the database's clock. */
    public record Holder(String holder, long term, Instant since, Instant expiresAt, boolean held) {
    }

    /**
     * Renews the lease if {@code holder} holds it, else takes it if it is free or expired (a new term);
     * the lease if {@code holder} holds it now, for {@code ttl} from now.
     */
    public Optional<Lease> hold(String name, String holder, Duration ttl) {
        String until = "CURRENT_TIMESTAMP + INTERVAL '" + ttl.toMillis() / 1000 + "." + String.format("%03d", ttl.toMillis() % 1000)
                + "' SECOND";
        String stillHeld = "holder = ? AND expires_at > CURRENT_TIMESTAMP";
        try (Connection connection = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement update = connection.prepareStatement("UPDATE log_leases SET "
                    + "term = CASE WHEN " + stillHeld + " THEN term ELSE term + 1 END, "
                    + "since = CASE WHEN " + stillHeld + " THEN since ELSE CURRENT_TIMESTAMP END, "
                    + "holder = ?, expires_at = " + until + " "
                    + "WHERE name = ? AND (holder = ? OR expires_at <= CURRENT_TIMESTAMP)")) {
                update.setString(1, holder);
                update.setString(2, holder);
                update.setString(3, holder);
                update.setString(4, name);
                update.setString(5, holder);
                updated = update.executeUpdate();
            }
            if (updated == 0 && !exists(connection, name)) {
                insert(connection, name, holder, until);
            }
            return current(connection, name).filter(now -> now.holder().equals(holder) && now.held())
                    .map(now -> new Lease(name, holder, now.term(), now.since()));
        } catch (SQLException e) {
            throw new EventLogFailure("Could not hold the lease " + name, e);
        }
    }

    /** Who holds the lease (or held it last), if anyone ever has. */
    public Optional<Holder> current(String name) {
        try (Connection connection = dataSource.getConnection()) {
            return current(connection, name);
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the lease " + name, e);
        }
    }

    /** Gives the lease up at once, if {@code lease} is still the current term: another instance need not wait. */
    public void release(Lease lease) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement expire = connection.prepareStatement("UPDATE log_leases SET expires_at = CURRENT_TIMESTAMP "
                     + "WHERE name = ? AND holder = ? AND term = ?")) {
            expire.setString(1, lease.name());
            expire.setString(2, lease.holder());
            expire.setLong(3, lease.term());
            expire.executeUpdate();
        } catch (SQLException e) {
            throw new EventLogFailure("Could not release the lease " + lease.name(), e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM log_leases WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void insert(Connection connection, String name, String holder, String until) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_leases (name, holder, term, since, "
                + "expires_at) VALUES (?, ?, 1, CURRENT_TIMESTAMP, " + until + ")")) {
            insert.setString(1, name);
            insert.setString(2, holder);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e; // else another instance took it first
            }
        }
    }

    private static Optional<Holder> current(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT holder, term, since, expires_at, CASE WHEN expires_at > CURRENT_TIMESTAMP THEN 1 ELSE 0 END "
                        + "FROM log_leases WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Holder(rows.getString(1), rows.getLong(2),
                        rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getObject(4, OffsetDateTime.class).toInstant(),
                        rows.getInt(5) == 1))
                        : Optional.empty();
            }
        }
    }
}
