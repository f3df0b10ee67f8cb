package dev.zipper.faults;

import dev.zipper.account.Account;
import dev.zipper.account.AccountEvent;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database holds after a fault run, read directly (not through the server): the log, and the
 * account read table next to what a replay of the whole log produces.
 */
final class LogAudit {

    /** An account_view row, or what replaying the account's stream gives. */
    record AccountRow(String name, String email, String status, int version) {
    }

    private static final EventCodec<AccountEvent> CODEC = EventCodec.of(AccountEvent.class);

    final List<RecordedEvent> log;
    final long head;
    final long published;
    final Map<String, AccountRow> replayed;
    final Map<String, AccountRow> projected;

    private LogAudit(List<RecordedEvent> log, long head, long published, Map<String, AccountRow> projected) {
        this.log = log;
        this.head = head;
        this.published = published;
        this.projected = projected;
        this.replayed = replay(log);
    }

    /** The whole log, read a thousand events at a time. */
    static List<RecordedEvent> wholeLog(EventLog eventLog) {
        List<RecordedEvent> log = new ArrayList<>();
        for (List<RecordedEvent> batch = eventLog.readLog(0, 1000); !batch.isEmpty();
             batch = eventLog.readLog(batch.get(batch.size() - 1).position(), 1000)) {
            log.addAll(batch);
        }
        return log;
    }

    static LogAudit of(DataSource database) throws SQLException {
        EventLog eventLog = new EventLog(database, EventLog.Transactions.LOCAL);
        List<RecordedEvent> log = wholeLog(eventLog);
        Map<String, AccountRow> projected = new HashMap<>();
        long published;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT id, name, email, status, version FROM account_view")) {
                while (rows.next()) {
                    projected.put(rows.getString(1),
                            new AccountRow(rows.getString(2), rows.getString(3), rows.getString(4), rows.getInt(5)));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT position FROM log_readers WHERE name = 'relay'")) {
                published = rows.next() ? rows.getLong(1) : 0;
            }
        }
        return new LogAudit(log, eventLog.head(), published, projected);
    }

    /** Polls the database until the relay has published everything and the read table equals the replay. */
    static LogAudit converged(DataSource database, Duration within) {
        return Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> of(database), LogAudit::converged);
    }

    /**
     * Nothing acknowledged is lost: each acknowledged command's event is in the log, positions run 1..head
     * without a gap, each stream's versions 1..length, account_view equals the replay, all is published.
     */
    void assertNothingLost(Set<CommandLoad.Acknowledged> acknowledged) {
        assertThat(missing(acknowledged)).as("acknowledged commands whose events are not in the log").isEmpty();
        assertThat(log).extracting(RecordedEvent::position).as("positions 1..head, no gap")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, head).boxed().toList());
        Map<String, Integer> lengths = new HashMap<>();
        log.forEach(e -> lengths.merge(e.streamType() + "/" + e.streamId(), 1, Integer::sum));
        assertThat(log).as("each stream's versions run 1..length")
                .allSatisfy(e -> assertThat(e.streamVersion()).isBetween(1, lengths.get(e.streamType() + "/" + e.streamId())));
        assertThat(projected).as("account_view against a replay of the whole log").isEqualTo(replayed);
        assertThat(published).as("published by the relay").isEqualTo(head);
    }

    /** Every acknowledged command whose event is not in the log (should be none); commands here are the account's. */
    List<CommandLoad.Acknowledged> missing(Set<CommandLoad.Acknowledged> acknowledged) {
        Set<String> stored = new HashSet<>();
        log.forEach(e -> stored.add(e.streamId() + "@" + e.streamVersion()));
        return acknowledged.stream().filter(a -> !stored.contains(a.streamId() + "@" + a.version())).toList();
    }

    /** Events the projection has applied: each row's version counts its stream's events applied once, in order. */
    long projectedEvents() {
        return projected.values().stream().mapToLong(AccountRow::version).sum();
    }

    boolean converged() {
        return projected.equals(replayed) && published == head;
    }

    /** What Awaitility prints when the read table has not converged in time. */
    @Override
    public String toString() {
        List<String> differences = replayed.entrySet().stream()
                .filter(e -> !e.getValue().equals(projected.get(e.getKey())))
                .map(e -> e.getKey() + ": replay " + e.getValue() + ", view " + projected.get(e.getKey()))
                .limit(5).toList();
        return "head " + head + ", published " + published + ", " + replayed.size() + " streams, "
                + projected.size() + " view rows; first differences: " + differences;
    }

    private static Map<String, AccountRow> replay(List<RecordedEvent> log) {
        Map<String, List<AccountEvent>> streams = new HashMap<>();
        log.stream().filter(e -> e.streamType().equals(Account.TYPE.streamType()))
                .forEach(e -> streams.computeIfAbsent(e.streamId(), id -> new ArrayList<>()).add(CODEC.decode(e)));
        Map<String, AccountRow> rows = new HashMap<>();
        streams.forEach((id, events) -> {
            Account account = Account.TYPE.decider().fold(events);
            rows.put(id, new AccountRow(account.name(), account.email(), account.status().name(), events.size()));
        });
        return rows;
    }
}
