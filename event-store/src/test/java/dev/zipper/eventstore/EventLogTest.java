package dev.zipper.eventstore;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogTest {

    private TestDatabase database;
    private EventLog log;

    @BeforeEach
    void freshLog() {
        database = TestDatabase.fresh();
        log = new EventLog(database.dataSource(), EventLog.Transactions.LOCAL);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void appended_events_read_back_in_stream_order_with_their_metadata() {
        NewEvent first = event("account.opened", "{\"name\":\"Ada\"}");
        NewEvent second = event("account.confirmed", "{}");

        AppendResult result = log.append(account("a-1"), 0, List.of(first, second));

        assertThat(result.version()).isEqualTo(2);
        List<RecordedEvent> stream = log.readStream(account("a-1"), 0);
        assertThat(stream).extracting(RecordedEvent::streamVersion).containsExactly(1, 2);
        assertThat(stream).extracting(RecordedEvent::type).containsExactly("account.opened", "account.confirmed");
        assertThat(stream.get(0).payload()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(stream.get(0).metadata()).isEqualTo(first.metadata());
        assertThat(stream.get(0).streamType()).isEqualTo("account");
        assertThat(stream.get(1).position()).isEqualTo(result.position()).isGreaterThan(stream.get(0).position());
        assertThat(stream.get(1).recordedAt()).isNotNull();
    }

    @Test
    void a_log_is_known_by_its_first_event_and_another_log_by_another() {
        assertThat(log.identity()).as("an empty log").isEmpty();
        NewEvent first = event("e1", "{}");
        log.append(account("a-1"), 0, List.of(first));
        log.append(account("a-2"), 0, List.of(event("e2", "{}")));

        assertThat(log.identity()).contains(first.metadata().eventId());
        try (TestDatabase other = TestDatabase.fresh()) {
            EventLog otherLog = new EventLog(other.dataSource(), EventLog.Transactions.LOCAL);
            otherLog.append(account("a-1"), 0, List.of(event("e1", "{}")));
            assertThat(otherLog.identity()).isPresent().isNotEqualTo(log.identity());
        }
    }

    @Test
    void reading_a_stream_from_a_version_skips_the_earlier_events() {
        log.append(account("a-1"), 0, List.of(event("e1", "{}"), event("e2", "{}"), event("e3", "{}")));

        assertThat(log.readStream(account("a-1"), 2)).extracting(RecordedEvent::type).containsExactly("e3");
        assertThat(log.readStream(account("unknown"), 0)).isEmpty();
    }

    @Test
    void a_streams_version_at_a_position_counts_its_events_up_to_there() {
        AppendResult first = log.append(account("a-1"), 0, List.of(event("e1", "{}"), event("e2", "{}")));
        AppendResult other = log.append(account("a-2"), 0, List.of(event("x1", "{}")));
        AppendResult third = log.append(account("a-1"), 2, List.of(event("e3", "{}")));

        assertThat(log.versionAt(account("a-1"), first.position() - 1)).isEqualTo(1);
        assertThat(log.versionAt(account("a-1"), other.position())).isEqualTo(2);
        assertThat(log.versionAt(account("a-1"), third.position())).isEqualTo(3);
        assertThat(log.versionAt(account("a-2"), first.position())).isZero();
    }

    @Test
    void a_stale_expected_version_is_refused_and_the_stream_is_unchanged() {
        log.append(account("a-1"), 0, List.of(event("e1", "{}")));
        List<RecordedEvent> before = log.readStream(account("a-1"), 0);

        assertThatThrownBy(() -> log.append(account("a-1"), 0, List.of(event("late", "{}"), event("later", "{}"))))
                .isInstanceOf(ConcurrencyConflict.class)
                .hasMessageContaining("version 1, not the expected 0");

        assertThat(log.readStream(account("a-1"), 0)).isEqualTo(before);
        assertThat(log.readLog(0, 100)).hasSize(1);
    }

    @Test
    void appending_after_a_version_read_earlier_is_refused_once_another_writer_got_in() {
        log.append(account("a-1"), 0, List.of(event("e1", "{}")));
        // a command's transaction read the stream at version 0 before that append committed
        EventLog inTransaction = new EventLog(database.dataSource(), EventLog.Transactions.CONTAINER);

        assertThatThrownBy(() -> inTransaction.appendAfterRead(account("a-1"), 0, List.of(event("late", "{}"))))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(log.readStream(account("a-1"), 0)).extracting(RecordedEvent::type).containsExactly("e1");
        assertThat(inTransaction.appendAfterRead(account("a-1"), 1, List.of(event("e2", "{}"))).version()).isEqualTo(2);
    }

    @Test
    void an_expected_version_ahead_of_the_stream_is_refused_too() {
        assertThatThrownBy(() -> log.append(account("a-2"), 3, List.of(event("e1", "{}"))))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(log.readStream(account("a-2"), 0)).isEmpty();
    }

    @Test
    void the_log_reads_from_a_position_in_order_and_in_batches() {
        IntStream.range(0, 5).forEach(i -> log.append(account("s-" + i), 0, List.of(event("e" + i, "{}"))));
        IntStream.range(0, 5).forEach(i -> log.append(account("s-" + i), 1, List.of(event("f" + i, "{}"))));

        List<RecordedEvent> all = log.readLog(0, 100);
        assertThat(all).hasSize(10);
        assertThat(all).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();

        List<RecordedEvent> firstBatch = log.readLog(0, 4);
        List<RecordedEvent> secondBatch = log.readLog(firstBatch.get(3).position(), 4);
        assertThat(firstBatch).isEqualTo(all.subList(0, 4));
        assertThat(secondBatch).isEqualTo(all.subList(4, 8));
        assertThat(log.readLog(all.get(9).position(), 4)).isEmpty();
    }

    @Test
    void streams_of_different_types_with_one_id_are_different_streams() {
        log.append(new StreamId("order", "o-1"), 0, List.of(event("order.placed", "{}")));
        log.append(new StreamId("order-process", "o-1"), 0, List.of(event("process.started", "{}")));

        assertThat(log.readStream(new StreamId("order", "o-1"), 0)).extracting(RecordedEvent::type).containsExactly("order.placed");
        assertThat(log.readStream(new StreamId("order-process", "o-1"), 0)).extracting(RecordedEvent::type)
                .containsExactly("process.started");
        assertThatThrownBy(() -> log.append(new StreamId("order", "o-1"), 0, List.of(event("order.placed", "{}"))))
                .isInstanceOf(ConcurrencyConflict.class);
    }

    private static StreamId account(String id) {
        return new StreamId("account", id);
    }

    private static NewEvent event(String type, String payload) {
        return new NewEvent(type, 1, payload, new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    }
}
