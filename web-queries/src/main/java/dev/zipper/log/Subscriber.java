package dev.zipper.log;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.history.EventJson;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * One client of {@code GET /events}: the position it has been sent up to, and its filter. It is sent the
 * log from there in order, read in batches (the catch-up and the live tail are the same reading), each
 * event with its position as the SSE id. The next batch is read once the last send of the one before
 * has completed, so a slow client holds at most one batch in memory; one too slow or gone is closed, and
 * it may resume with {@code Last-Event-ID}. Pumps of one subscriber never overlap.
 */
final class Subscriber {

    private static final Logger LOG = Logger.getLogger(Subscriber.class.getName());
    private static final int BATCH = 500;
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final SseEventSink sink;
    private final Sse sse;
    private final Optional<String> streamType;
    private final Optional<String> streamId;
    private final Optional<String> owner;
    private final Function<RecordedEvent, NewEvent> shapes;
    private final AtomicInteger pumpsAsked = new AtomicInteger();
    private volatile long sent;

    /**
     * @param owner  for a customer, themselves: only the events of their own streams are sent
     * @param shapes an event as the API shows it, in its current shape
     */
    Subscriber(SseEventSink sink, Sse sse, long after, Optional<String> streamType, Optional<String> streamId,
               Optional<String> owner, Function<RecordedEvent, NewEvent> shapes) {
        this.sink = sink;
        this.sse = sse;
        this.sent = after;
        this.streamType = streamType;
        this.streamId = streamId;
        this.owner = owner;
        this.shapes = shapes;
    }

    boolean closed() {
        return sink.isClosed();
    }

    boolean behind(long head) {
        return sent < head;
    }

    /**
     * Sends what the log holds past what was sent, a batch at a time on the executor; asked again while
     * at it, it goes on. It never blocks a thread on the client: the next batch is read when the last
     * send of the one before has completed, and a send not done within {@value #SEND_TIMEOUT_SECONDS} s
     * closes the stream.
     */
    void pump(EventLog log, Executor executor) {
        if (pumpsAsked.getAndIncrement() == 0) {
            executor.execute(() -> sendBatch(log, executor, pumpsAsked.get()));
        }
    }

    /** One batch; {@code asked} pumps are answered once a batch leaves nothing more to read. */
    private void sendBatch(EventLog log, Executor executor, int asked) {
        List<RecordedEvent> batch;
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        try {
            batch = log.readLog(sent, BATCH);
            for (RecordedEvent event : batch) {
                if (wanted(event)) {
                    last = sink.send(event(event)).toCompletableFuture();
                }
            }
        } catch (RuntimeException e) {
            close(e);
            return;
        }
        long upTo = batch.isEmpty() ? sent : batch.get(batch.size() - 1).position();
        boolean more = batch.size() == BATCH;
        last.orTimeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenCompleteAsync((done, failed) -> {
            if (failed != null) {
                close(failed);
                return;
            }
            sent = upTo;
            if (more) {
                sendBatch(log, executor, asked);
            } else if (pumpsAsked.addAndGet(-asked) > 0) {
                sendBatch(log, executor, pumpsAsked.get());
            }
        }, executor);
    }

    private void close(Throwable why) {
        LOG.fine(() -> "Event stream subscriber closed: " + why);
        pumpsAsked.set(0);
        sink.close();
    }

    /** A first comment, so that the answer's headers leave at once. */
    void greet() {
        sendOrClose(sse.newEventBuilder().comment("subscribed").build());
    }

    /** A comment line, so that proxies keep an idle stream open and a client gone is noticed. */
    void heartbeat() {
        sendOrClose(sse.newEventBuilder().comment("heartbeat").build());
    }

    private void sendOrClose(OutboundSseEvent event) {
        sink.send(event).exceptionally(failed -> {
            sink.close();
            return null;
        });
    }

    void close() {
        sink.close();
    }

    private boolean wanted(RecordedEvent event) {
        return streamType.map(event.streamType()::equals).orElse(true) && streamId.map(event.streamId()::equals).orElse(true)
                && owner.map(customer -> customer.equals(event.metadata().owner())).orElse(true);
    }

    private OutboundSseEvent event(RecordedEvent event) {
        return sse.newEventBuilder()
                .id(String.valueOf(event.position()))
                .name(event.type())
                .data(EventJson.withData(event, shapes.apply(event)).build().toString())
                .build();
    }
}
