package dev.zipper.commands;

import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The idempotency keys clients sent with commands (table {@code idempotency_keys}). A command claims its
 * key first thing in its own transaction, so the key is taken exactly when the command's events are
 * written: a concurrent request with the same key waits on the row, then finds it taken; a command
 * refused rolls its claim back with everything else. The answer the client got is added once sent.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    /** What a key was used for: the request's fingerprint, when, what its command did, and the answer sent. */
    public record Used(String fingerprint, Instant at, Optional<CommandResult> result, Optional<Answer> answer) {
    }

    /** An answer as sent: status, headers ("Name: value" lines) and body. */
    public record Answer(int status, String headers, String body) {
    }

    /** In the command's transaction: takes the key, or throws {@link KeyAlreadyUsed} if it is taken. */
    void claim(IdempotencyKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO idempotency_keys (idempotency_key, fingerprint, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, key.key());
            insert.setString(2, key.fingerprint());
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new KeyAlreadyUsed(key.key());
            }
            throw new EventLogFailure("Could not claim idempotency key " + key.key(), e);
        }
    }

    /** In the command's transaction: what the command did, for a retry should its answer never be sent. */
    void done(IdempotencyKey key, CommandResult result) {
        update("UPDATE idempotency_keys SET stream_type = ?, stream_id = ?, stream_version = ?, log_position = ? "
                + "WHERE idempotency_key = ?", result.type(), result.id(), result.version(), result.position(), key.key());
    }

    public Optional<Used> find(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT fingerprint, created_at, stream_type, stream_id, "
                     + "stream_version, log_position, answer_status, answer_headers, answer_body FROM idempotency_keys "
                     + "WHERE idempotency_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Optional<CommandResult> result = rows.getString(3) == null ? Optional.empty() : Optional.of(
                        new CommandResult(rows.getString(3), rows.getString(4), rows.getInt(5), rows.getLong(6)));
                Optional<Answer> answer = rows.getObject(7) == null ? Optional.empty()
                        : Optional.of(new Answer(rows.getInt(7), rows.getString(8), rows.getString(9)));
                return Optional.of(new Used(rows.getString(1).trim(), rows.getObject(2, OffsetDateTime.class).toInstant(),
                        result, answer));
            }
        } catch (SQLException e) {
            throw new EventLogFailure("Could not read idempotency key " + key, e);
        }
    }

    /**
     * Keeps the answer sent for a request with this key: added to the command's row, or a row of its own
     * for an answer no command committed (a refusal). The first answer kept stays.
     */
    public void answered(IdempotencyKey key, Answer answer) {
        int updated = update("UPDATE idempotency_keys SET answer_status = ?, answer_headers = ?, answer_body = ? "
                + "WHERE idempotency_key = ? AND answer_status IS NULL", answer.status(), answer.headers(), answer.body(),
                key.key());
        if (updated == 0) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_keys (idempotency_key, "
                         + "fingerprint, created_at, answer_status, answer_headers, answer_body) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key.key());
                insert.setString(2, key.fingerprint());
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setInt(4, answer.status());
                insert.setString(5, answer.headers());
                insert.setString(6, answer.body());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new EventLogFailure("Could not keep the answer for idempotency key " + key.key(), e);
                }
            }
        }
    }

    /** Forgets the keys used before {@code before}; returns how many. */
    public int purge(Instant before) {
        return update("DELETE FROM idempotency_keys WHERE created_at < ?", OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new EventLogFailure("Could not update idempotency keys", e);
        }
    }
}
