package dev.zipper.log;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * One client of {@code GET /events}: the position it has been sent up to, and its filter. It is sent the
 * log from there in order, read in batches (the catch-up and the live tail are the same reading), each
 * event with its position as the SSE id. A send is awaited before the next batch is read, so a slow
 * client holds at most one batch in memory; one too slow or gone is closed, and it may resume with
 * {@code Last-Event-ID}. Pumps of one subscriber never overlap.
 */
final class Subscriber {

    private static final Logger LOG = Logger.getLogger(Subscriber.class.getName());
    private static final int BATCH = 500;
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final SseEventSink sink;
    private final Sse sse;
    private final Optional<String> streamType;
    private final Optional<String> streamId;
    private final AtomicInteger pumpsAsked = new AtomicInteger();
    private volatile long sent;

    Subscriber(SseEventSink sink, Sse sse, long after, Optional<String> streamType, Optional<String> streamId) {
        this.sink = sink;
        this.sse = sse;
        this.sent = after;
        this.streamType = streamType;
        this.streamId = streamId;
    }

    boolean closed() {
        return sink.isClosed();
    }

    boolean behind(long head) {
        return sent < head;
    }

    /** Sends what the log holds past what was sent, on the executor; asked while running, it runs again. */
    void pump(EventLog log, Executor executor) {
        if (pumpsAsked.getAndIncrement() == 0) {
            executor.execute(() -> {
                int asked;
                do {
                    asked = pumpsAsked.get();
                    sendNewEvents(log);
                } while (pumpsAsked.addAndGet(-asked) > 0);
            });
        }
    }

    /** A first comment, so that the answer's headers leave at once, and how soon to reconnect (1 s). */
    void greet() {
        sendOrClose(sse.newEventBuilder().comment("subscribed").reconnectDelay(1000).build());
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

    private void sendNewEvents(EventLog log) {
        try {
            List<RecordedEvent> batch;
            do {
                batch = log.readLog(sent, BATCH);
                CompletionStage<?> last = null;
                for (RecordedEvent event : batch) {
                    if (wanted(event)) {
                        last = sink.send(event(event));
                    }
                }
                if (last != null) {
                    await(last);
                }
                if (!batch.isEmpty()) {
                    sent = batch.get(batch.size() - 1).position();
                }
            } while (batch.size() == BATCH && !sink.isClosed());
        } catch (RuntimeException e) {
            LOG.fine(() -> "Event stream subscriber closed: " + e);
            sink.close();
        }
    }

    private boolean wanted(RecordedEvent event) {
        return streamType.map(event.streamType()::equals).orElse(true) && streamId.map(event.streamId()::equals).orElse(true);
    }

    private OutboundSseEvent event(RecordedEvent event) {
        return sse.newEventBuilder()
                .id(String.valueOf(event.position()))
                .name(event.type())
                .data(EventJson.withData(event).build().toString())
                .build();
    }

    /** Waits for a send, bounded: a client that takes longer is dropped. */
    private void await(CompletionStage<?> send) {
        try {
            send.toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }
}
