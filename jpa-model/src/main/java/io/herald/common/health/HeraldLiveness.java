package io.herald.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Herald's liveness check as the server sees it ({@link HealthProbes#LIVENESS}); a starting application is alive. */
@Liveness
@ApplicationScoped
public class HeraldLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthProbes.LIVENESS.call(true);
    }
}
