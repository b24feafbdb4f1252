package io.herald.socket;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines of open sockets (a token's expiry, an authentication timeout) on the server's managed
 * scheduler. The caller keeps the returned {@link Future} and cancels it when the socket closes first.
 */
@ApplicationScoped
public class SocketTimers {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /** Runs {@code action} at {@code when} (at once if that has passed). */
    public Future<?> at(Instant when, Runnable action) {
        return after(Duration.between(Instant.now(), when), action);
    }

    /** Runs {@code action} after {@code delay}. */
    public Future<?> after(Duration delay, Runnable action) {
        return scheduler.schedule(action, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }
}
