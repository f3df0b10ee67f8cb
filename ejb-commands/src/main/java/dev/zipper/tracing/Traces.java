package dev.zipper.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Zipper's spans, through the server's MicroProfile Telemetry (its {@link OpenTelemetry}, a no-op until
 * {@code otel.sdk.disabled=false}): a command, the relay's publication of an event, the read side's
 * delivery of it and each reader's part. The trace crosses the outbox and the broker as a W3C
 * {@code traceparent}: in the event's metadata (stored with it) and in the message's properties.
 */
@ApplicationScoped
public class Traces {

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<String> PARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    @Inject
    private OpenTelemetry telemetry;

    private Tracer tracer;

    @PostConstruct
    void start() {
        tracer = telemetry.getTracer("dev.zipper");
    }

    /** The current span's {@code traceparent}, for what it appends or publishes; null if none is recorded. */
    public static String current() {
        Span span = Span.current();
        return span.getSpanContext().isSampled() ? of(span) : null;
    }

    /**
     * An HTTP request's work ({@code route}: "POST /carts/{id}/checkout") in the server's span for it, or, where
     * the server made none the application sees (Payara traces JAX-RS only with its request tracing on), in
     * a server span of its own, continuing the caller's {@code traceparent} if it sent one.
     */
    public <T> T request(String route, String traceparent, Supplier<T> work) {
        if (Span.current().getSpanContext().isValid()) {
            return work.get();
        }
        return inSpan(route, SpanKind.SERVER, traceparent, Map.of("http.route", route), work);
    }

    /** A command run in its span ("command cart CheckOut"): the events it appends carry the span's trace. */
    public <T> T command(String streamType, String id, Object command, Supplier<T> work) {
        return inSpan("command " + streamType + " " + command.getClass().getSimpleName(), SpanKind.INTERNAL, null,
                Map.of("zipper.stream_type", streamType, "zipper.stream_id", id), work);
    }

    /** {@code work} in a span of this kind: a child of the current span, or of {@code parent} if one is given. */
    public <T> T inSpan(String name, SpanKind kind, String parent, Map<String, String> attributes, Supplier<T> work) {
        Span span = start(name, kind, parent, attributes);
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** A span begun, for the caller to make current and end (one that outlives a block: a batch's sends). */
    public Span start(String name, SpanKind kind, String parent, Map<String, String> attributes) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
        if (parent != null) {
            builder.setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), parent, PARENT));
        }
        attributes.forEach(builder::setAttribute);
        return builder.startSpan();
    }

    /** The {@code traceparent} of a span. */
    public static String of(Span span) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
