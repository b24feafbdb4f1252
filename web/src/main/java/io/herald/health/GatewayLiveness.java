package io.herald.health;

import io.herald.common.health.HealthProbes;
import io.herald.delivery.control.EventPublisher;
import io.herald.socket.SendQueues;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /health/live}: DOWN only when the node cannot get well by itself, so that a restart is
 * the cure: threads deadlocked in the JVM, Herald's publisher thread gone, or its sender pool shut
 * down. A broker or database outage is not a liveness failure (readiness reports it, and the node
 * recovers when they are back).
 */
@ApplicationScoped
public class GatewayLiveness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Inject
    EventPublisher publisher;

    @Inject
    SendQueues sendQueues;

    private final Supplier<HealthCheckResponse> installed = this::call;

    @PostConstruct
    void start() {
        HealthProbes.LIVENESS.install(installed);
    }

    void created(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // creates this bean, and the sender pool now, in the application's context: created lazily by
        // the first probe instead, on WildFly a management thread without the application's java:comp,
        // its thread factory could not be looked up and liveness said 503 until a socket opened
        sendQueues.isRunning();
    }

    @PreDestroy
    void stop() {
        HealthProbes.LIVENESS.remove(installed);
    }

    public HealthCheckResponse call() {
        String threads = deadlocks();
        String publisherState = publisher.isRunning() ? "running" : "stopped";
        String senders = sendQueues.isRunning() ? "running, " + sendQueues.waitingTasks() + " writes waiting" : "stopped";
        return HealthCheckResponse.named(HealthProbes.NAME)
                .withData("threads", threads).withData("publisher", publisherState).withData("senders", senders)
                .status(threads.equals("no deadlock") && publisher.isRunning() && sendQueues.isRunning())
                .build();
    }

    static String deadlocks() {
        long[] ids = THREADS.findDeadlockedThreads();
        if (ids == null) {
            return "no deadlock";
        }
        String names = Arrays.stream(THREADS.getThreadInfo(ids)).filter(t -> t != null).limit(5).map(ThreadInfo::getThreadName)
                .collect(Collectors.joining(", "));
        return "deadlocked: " + ids.length + " threads (" + names + ")";
    }
}
