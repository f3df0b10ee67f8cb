package dev.zipper.history;

import dev.zipper.domain.AggregateType;
import dev.zipper.domain.Decider;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.eventstore.StreamId;
import dev.zipper.http.ConsistencyHeaders;
import dev.zipper.http.JsonObjects;
import dev.zipper.http.Page;
import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.SharedJsonb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Optional;

/**
 * An aggregate's past, from the log rather than a view: its state as of a version or a time (folded
 * by its own decider, as a command would see it), and its events, a page at a time. Any aggregate, given
 * its type.
 */
@ApplicationScoped
public class AggregateHistory {

    @Inject
    private EventLog log;

    /** {@code {id, version, position, recordedAt, state}}: the state after the events up to that point. */
    public <C, E, S> Response state(AggregateType<C, E, S> type, String id, AsOf asOf, String notFound) {
        Optional<Folded<S>> folded = fold(type, id, asOf);
        if (folded.isEmpty()) {
            return ProblemType.NOT_FOUND.response(notFound + " at " + asOf);
        }
        RecordedEvent last = folded.get().last();
        if (asOf.version().isPresent() && last.streamVersion() < asOf.version().getAsInt()) {
            return ProblemType.NOT_FOUND.response(notFound + " at " + asOf + "; it is at version " + last.streamVersion());
        }
        String body = JsonObjects.object()
                .add("id", id)
                .add("version", last.streamVersion())
                .add("position", last.position())
                .add("recordedAt", last.recordedAt().toString())
                .add("state", Redaction.of(SharedJsonb.instance().toJson(folded.get().state())))
                .build().toString();
        return Response.ok(body).tag(new EntityTag(String.valueOf(last.streamVersion())))
                .header(ConsistencyHeaders.POSITION, last.position()).build();
    }

    /** The aggregate's state after its events up to {@code asOf} ({@link AsOf#NOW}: all), none if it had none. */
    public <C, E, S> Optional<Folded<S>> fold(AggregateType<C, E, S> type, String id, AsOf asOf) {
        List<RecordedEvent> events = log.readStream(new StreamId(type.streamType(), id), 0,
                asOf.version().orElse(Integer.MAX_VALUE));
        if (asOf.at().isPresent()) {
            events = events.stream().takeWhile(event -> !event.recordedAt().isAfter(asOf.at().get())).toList();
        }
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Decider<C, E, S> decider = type.decider();
        EventCodec<E> codec = EventCodec.of(type.events());
        return Optional.of(new Folded<>(decider.fold(decider.initialState(), events.stream().map(codec::decode).toList()),
                events.get(events.size() - 1)));
    }

    /** A state and the last event folded into it. */
    public record Folded<S>(S state, RecordedEvent last) {
    }

    /**
     * The stream's events after version {@code after}, oldest first, {@code limit} at a time, with their data
     * ({@code GET /<aggregates>/{id}/events}, which every aggregate's {@code Exposure} has).
     */
    public Response events(AggregateType<?, ?, ?> type, String id, String after, String limit, UriBuilder list,
                           String notFound) {
        EventCodec<?> codec = EventCodec.of(type.events());
        Page page = Page.of(limit, after);
        int afterVersion = QueryParameters.integer("after", after, 0, Integer.MAX_VALUE).orElse(0);
        StreamId stream = new StreamId(type.streamType(), id);
        // whether it exists first: read after the events, a stream committed in between would answer none
        if (log.versionAt(stream, Long.MAX_VALUE) == 0) {
            return ProblemType.NOT_FOUND.response(notFound);
        }
        List<RecordedEvent> events = log.readStream(stream, afterVersion, (int) Math.min(Integer.MAX_VALUE,
                (long) afterVersion + page.limit() + 1));
        return page.answer(events, event -> String.valueOf(event.streamVersion()), event -> EventJson.withData(event, codec.current(event)).build(),
                list);
    }
}
