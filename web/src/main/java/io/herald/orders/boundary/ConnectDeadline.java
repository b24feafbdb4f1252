package io.herald.orders.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a connection's authentication deadline on the server's managed scheduler. */
@ApplicationScoped
public class ConnectDeadline {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /** @return the scheduled check; cancel it once the connection authenticated or closed */
    public Future<?> after(Duration timeout, OrderConnection connection) {
        return scheduler.schedule(connection::deadlinePassed, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
