package io.herald.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Herald's readiness check as the server sees it ({@link HealthProbes#READINESS}); DOWN, "starting", until the probe is installed. */
@Readiness
@ApplicationScoped
public class HeraldReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthProbes.READINESS.call(false);
    }
}
