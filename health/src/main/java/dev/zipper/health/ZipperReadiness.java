package dev.zipper.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** /health/ready: every registered readiness probe passes. */
@Readiness
@ApplicationScoped
public class ZipperReadiness implements HealthCheck {

    @Inject
    private Probes probes;

    @Override
    public HealthCheckResponse call() {
        return probes.ready();
    }
}
