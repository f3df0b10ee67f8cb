package dev.zipper.eventstore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log's global order under concurrent writers whose transactions pause, conflict and roll back,
 * while a reader follows the log by position, as the relay does.
 */
class ConcurrentAppendTest {

    private static final int WRITERS = 10;
    private static final int TRANSACTIONS_EACH = 40;
    private static final int STREAMS = 25;

    private TestDatabase database;

    @BeforeEach
    void freshLog() {
        database = TestDatabase.fresh();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void a_reader_following_the_log_sees_every_committed_event_once_in_position_order() throws Exception {
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger rolledBack = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(threads.submit(() -> write(committed, rolledBack)));
        }
        EventLog log = new EventLog(database.dataSource(), EventLog.Transactions.LOCAL);
        Future<List<RecordedEvent>> reader = threads.submit(() -> follow(log, writers));

        List<RecordedEvent> seen = reader.get(2, TimeUnit.MINUTES);
        threads.shutdown();

        assertThat(rolledBack.get()).as("transactions rolled back").isPositive();
        assertThat(seen).extracting(e -> e.metadata().eventId()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(committed);
        // ascending and without holes: a rolled-back transaction leaves no gap to wait on
        assertThat(seen).extracting(RecordedEvent::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, committed.size()).boxed().toList());
        assertThat(log.head()).isEqualTo(committed.size());
    }

    /** Signalled at each commit, so that a paused transaction can resume right when another commits. */
    private final Object commits = new Object();

    /**
     * One writer: transactions that read a stream, stay open until another writer commits (or a few
     * milliseconds pass), append, stay open again, then commit or roll back.
     */
    private Void write(Set<UUID> committed, AtomicInteger rolledBack) throws SQLException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < TRANSACTIONS_EACH; i++) {
            try (Connection connection = database.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                EventLog log = new EventLog(joining(connection), EventLog.Transactions.CONTAINER);
                StreamId stream = new StreamId("test", "s-" + random.nextInt(STREAMS));
                List<NewEvent> events = random.nextBoolean() ? List.of(event()) : List.of(event(), event());
                try {
                    int version = log.readStream(stream, 0).size();
                    awaitAnotherCommit(random);
                    AppendResult appended = log.append(stream, version, events);
                    awaitAnotherCommit(random);
                    if (random.nextInt(5) == 0) {
                        throw new IllegalStateException("deliberate rollback");
                    }
                    connection.commit();
                    synchronized (commits) {
                        commits.notifyAll();
                    }
                    appended.events().forEach(e -> committed.add(e.metadata().eventId()));
                } catch (ConcurrencyConflict | IllegalStateException e) {
                    connection.rollback();
                    rolledBack.incrementAndGet();
                }
            }
        }
        return null;
    }

    private void awaitAnotherCommit(ThreadLocalRandom random) throws InterruptedException {
        synchronized (commits) {
            commits.wait(1 + random.nextInt(5));
        }
    }

    /** Follows the log in batches until the writers are done and it has read up to the head. */
    private static List<RecordedEvent> follow(EventLog log, List<Future<?>> writers) throws Exception {
        List<RecordedEvent> seen = new ArrayList<>();
        long position = 0;
        while (true) {
            boolean writing = writers.stream().anyMatch(w -> !w.isDone());
            List<RecordedEvent> batch = log.readLog(position, 7);
            seen.addAll(batch);
            if (!batch.isEmpty()) {
                position = batch.get(batch.size() - 1).position();
            } else if (!writing) {
                for (Future<?> writer : writers) {
                    writer.get(); // a failed writer fails the test
                }
                return seen;
            }
        }
    }

    private static NewEvent event() {
        return new NewEvent("test.happened", 1, "{}", new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    }

    /** A data source that hands out the one connection whose transaction the test controls. */
    private static DataSource joining(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> "close".equals(method.getName())
                        ? null : invoke(connection, method, args));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> "getConnection".equals(method.getName())
                        ? unclosable : unsupported(method.getName()));
    }

    private static Object invoke(Connection connection, Method method, Object[] args)
            throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method);
    }
}
