package dev.zipper.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Zipper's own metrics (the log, the relay, commands, projections), in one registry for the whole
 * application, scraped in the Prometheus text format at /zipper/metrics. Micrometer is packaged with the
 * application so that the series are the same on every server (WildFly 39 no longer has MicroProfile
 * Metrics; Payara's would differ). {@code @Singleton}, not a normal scope: the registry's final methods
 * cannot be proxied. Injected as MeterRegistry where code only records.
 */
@ApplicationScoped
public class Meters {

    @Produces
    @Singleton
    PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "zipper");
        return registry;
    }

    void close(@Disposes PrometheusMeterRegistry registry) {
        registry.close();
    }
}
