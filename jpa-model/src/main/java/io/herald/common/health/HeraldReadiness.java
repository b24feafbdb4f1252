package io.herald.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Herald's MicroProfile readiness check as the server sees it. It lives in the application's shared
 * library (the EAR's {@code lib/}) because WildFly registers only the health checks of an EAR's
 * top-level bean archive, not those of its modules (WFLY-12835); the probe itself needs the web and
 * EJB modules' beans, which a library cannot see, so the web module installs it here when the
 * application starts ({@code GatewayReadiness}) and removes it when it stops. Until then the
 * application reports DOWN, "starting".
 */
@Readiness
@ApplicationScoped
public class HeraldReadiness implements HealthCheck {

    /** The check's name in {@code /health/ready}. */
    public static final String NAME = "herald";

    private static final AtomicReference<Supplier<HealthCheckResponse>> PROBE = new AtomicReference<>();

    /** Makes {@code probe} the application's readiness check. */
    public static void install(Supplier<HealthCheckResponse> probe) {
        PROBE.set(probe);
    }

    /** Removes {@code probe} if it is still the installed one. */
    public static void remove(Supplier<HealthCheckResponse> probe) {
        PROBE.compareAndSet(probe, null);
    }

    @Override
    public HealthCheckResponse call() {
        Supplier<HealthCheckResponse> probe = PROBE.get();
        return probe != null ? probe.get() : HealthCheckResponse.named(NAME).down().withData("application", "starting").build();
    }
}
