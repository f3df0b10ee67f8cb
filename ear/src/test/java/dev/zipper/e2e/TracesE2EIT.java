package dev.zipper.e2e;

import dev.zipper.e2e.TraceReceiver.ReceivedSpan;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace follows a checkout through every hop, on the deployed EAR with MicroProfile Telemetry on
 * (the suite's server exports its spans to {@link TraceReceiver}): the HTTP request, the command and its
 * transaction, the relay's publication (through the outbox), the broker, the read side's delivery, a
 * projection and the order's process, and on into the commands that process issues, and their events'
 * publication and delivery in turn.
 */
@ExtendWith(ZipperServer.class)
class TracesE2EIT {

    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);

    @Test
    void a_checkout_is_one_trace_from_the_request_through_the_log_to_the_process_and_its_commands() {
        String sku = "TRACE-" + System.nanoTime();
        http.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Traced mug\", \"price\": 5.00, \"currency\": \"EUR\"}");
        http.post("products/" + sku + "/stock", "{\"quantity\": 3}");
        String customer = ZipperHttp.json(http.post("accounts", "{\"name\": \"Tracy\", \"email\": \"tracy@example.org\"}"))
                .asJsonObject().getString("id");
        http.post("accounts/" + customer + "/confirm", null);
        http.post("accounts/" + customer + "/activate", null);
        String cart = ZipperHttp.json(http.post("carts", "{\"customerId\": \"" + customer + "\"}")).asJsonObject().getString("id");
        http.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}");

        HttpResponse<String> checkedOut = http.post("carts/" + cart + "/checkout", null);
        assertThat(checkedOut.statusCode()).as(checkedOut.body()).isEqualTo(201);

        // the trace its command's span is in
        String traceId = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> TraceReceiver.traceOf("command cart CheckOut", "zipper.stream_id", cart), Optional::isPresent)
                .orElseThrow();
        Map<String, Object> chain;
        try {
            chain = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> chain(TraceReceiver.trace(traceId)), found -> !found.containsValue(Optional.empty()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The checkout's trace is not whole: " + chain(TraceReceiver.trace(traceId))
                    + "; the spans received of it: " + TraceReceiver.trace(traceId), e);
        }
        System.out.println("[traces on " + ZipperServer.SERVER + "] " + TraceReceiver.trace(traceId).size()
                + " spans in the checkout's trace; the chain: " + chain.keySet());
    }

    /**
     * Each hop's span, found under the one before (each one's parent, or a parent's parent: a server may add
     * spans of its own in between); a hop not there yet is empty.
     */
    private static Map<String, Object> chain(List<ReceivedSpan> spans) {
        Map<String, ReceivedSpan> byId = spans.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
        Map<String, Object> hops = new LinkedHashMap<>();
        Optional<ReceivedSpan> request = spans.stream().filter(s -> s.kind().equals("SPAN_KIND_SERVER")).findFirst();
        hops.put("HTTP request", request);
        Optional<ReceivedSpan> command = under(request, spans, byId, s -> s.name().equals("command cart CheckOut"));
        hops.put("command", command);
        Optional<ReceivedSpan> published = under(command, spans, byId, s -> s.name().equals("publish order.placed")
                && s.kind().equals("SPAN_KIND_PRODUCER"));
        hops.put("relay", published);
        Optional<ReceivedSpan> delivered = under(published, spans, byId, s -> s.name().equals("deliver order.placed")
                && s.kind().equals("SPAN_KIND_CONSUMER"));
        hops.put("broker and listener", delivered);
        hops.put("projection", under(delivered, spans, byId, s -> s.name().equals("order-view")));
        Optional<ReceivedSpan> process = under(delivered, spans, byId, s -> s.name().equals("order-fulfilment"));
        hops.put("process", process);
        Optional<ReceivedSpan> issued = under(process, spans, byId, s -> s.name().startsWith("command product "));
        hops.put("command issued by the process", issued);
        Optional<ReceivedSpan> republished = under(issued, spans, byId, s -> s.name().equals("publish product.reserved"));
        hops.put("its event published", republished);
        hops.put("and delivered", under(republished, spans, byId, s -> s.name().equals("deliver product.reserved")));
        return hops;
    }

    private static Optional<ReceivedSpan> under(Optional<ReceivedSpan> ancestor, List<ReceivedSpan> spans,
                                                Map<String, ReceivedSpan> byId, Predicate<ReceivedSpan> wanted) {
        return ancestor.flatMap(top -> spans.stream().filter(wanted).filter(s -> descends(s, top, byId)).findFirst());
    }

    private static boolean descends(ReceivedSpan span, ReceivedSpan ancestor, Map<String, ReceivedSpan> byId) {
        for (ReceivedSpan at = byId.get(span.parentSpanId()); at != null; at = byId.get(at.parentSpanId())) {
            if (at.spanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }
}
