package dev.zipper.e2e;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A local OTLP receiver (HTTP, protobuf, {@code /v1/traces}) for the end-to-end suite: the server under
 * test exports its spans here, and a test reads them by trace id. It keeps the spans of the last traces
 * only, and starts with the suite's server ({@link ZipperServer}).
 */
public final class TraceReceiver {

    public static final int PORT = 14318;
    private static final int MAX_TRACES = 2000;

    /** A span as received: its trace's and its own id, its parent's (empty for a root), name, kind, text attributes. */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
                               Map<String, String> attributes) {
    }

    private static final Map<String, List<ReceivedSpan>> TRACES = new ConcurrentHashMap<>();
    private static HttpServer server;

    private TraceReceiver() {
    }

    /** Starts it once, on loopback; the OTEL_* settings that point a server at it. */
    static synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + PORT + " for the server's spans", e);
            }
            server.createContext("/v1/traces", exchange -> {
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                int status = 200;
                try (InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                    keep(ExportTraceServiceRequest.parseFrom(body));
                } catch (IOException | RuntimeException e) {
                    System.err.println("[trace receiver] an export not read: " + e);
                    status = 400;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }
        return Map.ofEntries(Map.entry("OTEL_SDK_DISABLED", "false"), Map.entry("OTEL_SERVICE_NAME", "zipper"),
                Map.entry("OTEL_TRACES_EXPORTER", "otlp"), Map.entry("OTEL_METRICS_EXPORTER", "none"),
                Map.entry("OTEL_LOGS_EXPORTER", "none"), Map.entry("OTEL_PROPAGATORS", "tracecontext,baggage"),
                Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                Map.entry("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf"),
                Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + PORT),
                Map.entry("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + PORT + "/v1/traces"),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "100"));
    }

    /** The spans received so far of one trace. */
    public static List<ReceivedSpan> trace(String traceId) {
        return List.copyOf(TRACES.getOrDefault(traceId, List.of()));
    }

    /** The id of the trace that holds a span with this name and attribute, if one came. */
    public static Optional<String> traceOf(String name, String attribute, String value) {
        return TRACES.values().stream().flatMap(List::stream)
                .filter(span -> span.name().equals(name) && value.equals(span.attributes().get(attribute)))
                .map(ReceivedSpan::traceId).findFirst();
    }

    /** How many traces it holds. */
    public static int count() {
        return TRACES.size();
    }

    private static void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> {
                    String traceId = hex.formatHex(span.getTraceId().toByteArray());
                    if (TRACES.size() >= MAX_TRACES && !TRACES.containsKey(traceId)) {
                        TRACES.clear(); // a test reads its trace within seconds of making it
                    }
                    TRACES.computeIfAbsent(traceId, id -> new CopyOnWriteArrayList<>()).add(new ReceivedSpan(traceId,
                            hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind().name(), span.getAttributesList().stream().collect(
                                    Collectors.toMap(KeyValue::getKey, a -> a.getValue().getStringValue(), (a, b) -> a))));
                });
            }
        }
    }
}
