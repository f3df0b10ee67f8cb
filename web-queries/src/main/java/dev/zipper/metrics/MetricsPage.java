package dev.zipper.metrics;

import dev.zipper.access.Access;
import dev.zipper.access.Caller;
import dev.zipper.access.Role;
import dev.zipper.eventstore.EventLog;
import dev.zipper.http.Problem;
import dev.zipper.relay.LogRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Zipper's metrics in the Prometheus text format at /zipper/metrics, the same on every server. The log
 * head and the relay's lag are read when scraped; the rest is counted as it happens (commands, relay
 * batches, projections: see the README for the series). For operators.
 */
@WebServlet("/metrics")
public class MetricsPage extends HttpServlet {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    private PrometheusMeterRegistry registry;

    @Inject
    private LogRelay relay;

    @Inject
    private EventLog log;

    @Override
    public void init() {
        Gauge.builder("zipper.log.head.position", log::head)
                .description("The last committed log position").strongReference(true).register(registry);
        Gauge.builder("zipper.relay.lag.events", () -> log.head() - relay.status().published())
                .description("Committed events the relay has not published yet").strongReference(true).register(registry);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Response refused = Access.roles(Role.OPERATOR).refusal(Caller.of(request.getUserPrincipal(), request::isUserInRole),
                request.getHeader(HttpHeaders.AUTHORIZATION), "GET /metrics");
        if (refused != null) {
            Problem.write(response, refused);
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(PROMETHEUS_TEXT);
        response.getWriter().write(registry.scrape());
    }
}
