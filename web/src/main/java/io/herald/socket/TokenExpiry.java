package io.herald.socket;

import io.herald.delivery.control.Subscriber;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Closes a socket with 1008 {@code Token expired} at the moment its token expires. */
@ApplicationScoped
public class TokenExpiry {

    public static final int POLICY_VIOLATION = 1008;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /** @return the scheduled close; cancel it when the socket closes first */
    public Future<?> closeAt(Instant expiresAt, Subscriber subscriber) {
        long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
        return scheduler.schedule(() -> subscriber.close(POLICY_VIOLATION, "Token expired"), delay, TimeUnit.MILLISECONDS);
    }
}
