package dev.zipper.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** /health/live: every registered liveness probe passes. */
@Liveness
@ApplicationScoped
public class ZipperLiveness implements HealthCheck {

    @Inject
    private Probes probes;

    @Override
    public HealthCheckResponse call() {
        return probes.live();
    }
}
