package io.herald.socket;

import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.delivery.control.Subscriber;
import io.herald.operations.control.GatewayMeter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The send side of every product socket: the limits one client may use up (one source for all
 * products) and the sender threads that write queued frames to the sockets.
 *
 * <p>The sender threads come from the server's {@link ManagedThreadFactory}, so they carry the
 * application's context once, when they start; tasks on them cost no context capture. On Payara
 * they are Grizzly worker threads instead ({@link GrizzlyWorkerThreads}), with the application's
 * class loader as their context: their writes then take Grizzly's buffers from a pool. One task
 * per session writes every frame waiting for it, so a burst of events to one session is one task.
 */
@ApplicationScoped
public class SendQueues {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SendQueues.class.getName());

    @Inject
    @ConfigProperty(name = "herald.session.queue-limit", defaultValue = "1000")
    int queueLimit;

    @Inject
    @ConfigProperty(name = "herald.session.max-pending-bytes", defaultValue = "1048576")
    long maxPendingBytes;

    @Inject
    @ConfigProperty(name = "herald.session.ping-every-bytes", defaultValue = "131072")
    long pingEveryBytes;

    /** A connection with nothing written for this long gets a WebSocket ping; 0: never. */
    @Inject
    @ConfigProperty(name = "herald.session.keepalive-seconds", defaultValue = "25")
    int keepaliveSeconds;

    /** 0: one per processor. */
    @Inject
    @ConfigProperty(name = "herald.delivery.threads", defaultValue = "0")
    int threads;

    @Inject
    GatewayMeter meter;

    @Inject
    SessionRegistry registry;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    SendLimits limits;
    ExecutorService senders;
    private Thread keepalive;

    @PostConstruct
    void start() {
        limits = new SendLimits(queueLimit, maxPendingBytes, pingEveryBytes);
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        ThreadFactory base = GrizzlyWorkerThreads.orElse(Thread.currentThread().getContextClassLoader(), threadFactory);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(count, count, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = base.newThread(task);
                    t.setName("herald-sender-" + t.getId());
                    t.setDaemon(true);
                    return t;
                });
        senders = pool;
        if (keepaliveSeconds > 0) {
            keepalive = threadFactory.newThread(this::keepAliveUntilStopped);
            keepalive.setName("herald-keepalive");
            keepalive.setDaemon(true);
            keepalive.start();
        }
    }

    /** Every second, pings the connections that had nothing written for {@code herald.session.keepalive-seconds}. */
    private void keepAliveUntilStopped() {
        long idle = TimeUnit.SECONDS.toNanos(keepaliveSeconds);
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (senders.isShutdown()) {
                return; // the application stops: its beans are gone
            }
            long now = System.nanoTime();
            try {
                for (Subscriber s : registry.subscribers()) {
                    if (s instanceof SocketConnection c) {
                        c.out().keepAlive(now, idle);
                    }
                }
            } catch (RuntimeException e) {
                LOG.fine(() -> "Keepalive round failed: " + e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (keepalive != null) {
            keepalive.interrupt();
        }
        senders.shutdownNow();
    }

    /** Whether the sender pool takes writes (liveness). */
    public boolean isRunning() {
        return !senders.isShutdown();
    }

    /** Writes queued for the sender threads now. */
    public int waitingTasks() {
        return senders instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
    }

    /**
     * A subscriber for a freshly opened session.
     *
     * @param product the product (its counters); also the key under which encoded events are shared between its sessions
     * @param encoder turns an event into this product's wire text
     */
    public SocketSubscriber subscriber(Session session, String product, Function<EventEnvelope, String> encoder) {
        return new SocketSubscriber(session, meter.product(product), product, encoder, limits, senders);
    }

    public SendLimits limits() {
        return limits;
    }
}
