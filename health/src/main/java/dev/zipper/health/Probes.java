package dev.zipper.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The probes the application's parts register when they start (the relay its loop and the broker, the
 * schema migration the database), for {@link ZipperLiveness} and {@link ZipperReadiness}. A part adds
 * its own probe here; nothing else needs to know about it.
 */
@ApplicationScoped
public class Probes {

    private final Map<String, Probe> liveness = new ConcurrentSkipListMap<>();
    private final Map<String, Probe> readiness = new ConcurrentSkipListMap<>();

    /** Failing means restarting the server would help. */
    public void liveness(String name, Probe probe) {
        liveness.put(name, probe);
    }

    /** Failing means the server should not be sent work until it passes again. */
    public void readiness(String name, Probe probe) {
        readiness.put(name, probe);
    }

    HealthCheckResponse live() {
        return run("zipper-live", liveness);
    }

    HealthCheckResponse ready() {
        return run("zipper-ready", readiness);
    }

    /** UP when every probe passes; each probe's answer, or why it failed, as the response's data. */
    private static HealthCheckResponse run(String name, Map<String, Probe> probes) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).up();
        probes.forEach((probeName, probe) -> {
            try {
                response.withData(probeName, "UP: " + probe.check());
            } catch (Exception e) {
                response.down().withData(probeName, "DOWN: " + e);
            }
        });
        return response.build();
    }
}
