package io.herald.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Herald's MicroProfile liveness check as the server sees it, in the application's shared library
 * for the same reason as {@link HeraldReadiness} (WFLY-12835); the web module installs the probe
 * ({@code GatewayLiveness}). Before that the application is starting, which is alive.
 */
@Liveness
@ApplicationScoped
public class HeraldLiveness implements HealthCheck {

    /** The check's name in {@code /health/live}. */
    public static final String NAME = "herald";

    private static final AtomicReference<Supplier<HealthCheckResponse>> PROBE = new AtomicReference<>();

    /** Makes {@code probe} the application's liveness check. */
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
        return probe != null ? probe.get() : HealthCheckResponse.named(NAME).up().withData("application", "starting").build();
    }
}
