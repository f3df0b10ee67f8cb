package dev.zipper.readside;

import dev.zipper.eventstore.EventLogFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Table projection_generations over plain JDBC, each statement committing on its own: per projection, the
 * version of its definition its live table was built by, and the rebuild under way or last done, with its
 * progress, so that every instance can show it. Also runs a generation's DDL.
 */
public final class ProjectionGenerations {

    private final DataSource dataSource;

    ProjectionGenerations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A projection's generation; {@code rebuildingTo} is set while a rebuild is under way (or ended in {@code error}). */
    public record Generation(String projection, int version, Integer rebuildingTo, long position, long head, double eventsPerSecond,
                      Instant startedAt, Instant finishedAt, String error) {

        public boolean rebuilding() {
            return rebuildingTo != null && error == null;
        }
    }

    /** The projection's generation, recorded at {@code version} if it has none yet (its table was built live). */
    Generation of(String projection, int version) {
        return find(projection).orElseGet(() -> {
            update("INSERT INTO projection_generations (projection, version) VALUES (?, ?)", projection, version);
            return find(projection).orElseThrow();
        });
    }

    List<Generation> all() {
        return query("SELECT " + COLUMNS + " FROM projection_generations ORDER BY projection", null);
    }

    void started(String projection, int to, long head) {
        update("UPDATE projection_generations SET rebuilding_to = ?, position = 0, head = ?, events_per_second = 0, "
                + "started_at = ?, finished_at = NULL, error = NULL WHERE projection = ?", to, head, now(), projection);
    }

    void progress(String projection, long position, long head, double eventsPerSecond) {
        update("UPDATE projection_generations SET position = ?, head = ?, events_per_second = ? WHERE projection = ?",
                position, head, eventsPerSecond, projection);
    }

    void finished(String projection, int version, long position) {
        update("UPDATE projection_generations SET version = ?, rebuilding_to = NULL, position = ?, head = ?, "
                + "finished_at = ? WHERE projection = ?", version, position, position, now(), projection);
    }

    void failed(String projection, String error) {
        update("UPDATE projection_generations SET error = ?, finished_at = ? WHERE projection = ?",
                error.length() > 2000 ? error.substring(0, 2000) : error, now(), projection);
    }

    /** Runs DDL statements, each committing on its own. */
    void run(List<String> statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not prepare a projection's next generation: " + e.getMessage(), e);
        }
    }

    private static final String COLUMNS = "projection, version, rebuilding_to, position, head, events_per_second, "
            + "started_at, finished_at, error";

    private Optional<Generation> find(String projection) {
        return query("SELECT " + COLUMNS + " FROM projection_generations WHERE projection = ?", projection).stream().findFirst();
    }

    private List<Generation> query(String sql, String projection) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (projection != null) {
                select.setString(1, projection);
            }
            try (ResultSet row = select.executeQuery()) {
                List<Generation> found = new ArrayList<>();
                while (row.next()) {
                    found.add(new Generation(row.getString(1), row.getInt(2), (Integer) row.getObject(3), row.getLong(4),
                            row.getLong(5), row.getDouble(6), instant(row, 7), instant(row, 8), row.getString(9)));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read the projections' generations", e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new EventLogFailure("Could not record a projection's generation", e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
