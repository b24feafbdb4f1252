package io.herald.common.health;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The probes behind Herald's two MicroProfile checks. The checks live in the application's shared
 * library (the EAR's {@code lib/}) because WildFly registers only the health checks of an EAR's
 * top-level bean archive, not those of its modules (WFLY-12835); the probes need the web and EJB
 * modules' beans, which a library cannot see, so the web module installs them when the application
 * starts ({@code GatewayReadiness}, {@code GatewayLiveness}) and removes them when it stops.
 */
public final class HealthProbes {

    /** The check's name in {@code /health/ready} and {@code /health/live}. */
    public static final String NAME = "herald";

    public static final HealthProbes READINESS = new HealthProbes();
    public static final HealthProbes LIVENESS = new HealthProbes();

    private final AtomicReference<Supplier<HealthCheckResponse>> probe = new AtomicReference<>();

    private HealthProbes() {
    }

    /** Makes {@code installed} the check's probe. */
    public void install(Supplier<HealthCheckResponse> installed) {
        probe.set(installed);
    }

    /** Removes {@code installed} if it is still the check's probe. */
    public void remove(Supplier<HealthCheckResponse> installed) {
        probe.compareAndSet(installed, null);
    }

    /** The probe's answer; before one is installed the application is starting, which {@code up} says it is or not. */
    HealthCheckResponse call(boolean upWhileStarting) {
        Supplier<HealthCheckResponse> installed = probe.get();
        return installed != null ? installed.get()
                : HealthCheckResponse.named(NAME).status(upWhileStarting).withData("application", "starting").build();
    }
}
