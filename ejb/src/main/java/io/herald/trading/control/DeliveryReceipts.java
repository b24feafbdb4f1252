package io.herald.trading.control;

import io.herald.common.control.LogLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records that a notification was handed to a socket, off the delivery path: the fan-out only
 * queues the id, one thread of this node writes the receipts (bounded queue; when it is full a
 * receipt is dropped and the notification stays "not delivered" until the next socket gets it).
 */
@ApplicationScoped
public class DeliveryReceipts {

    private static final Logger LOG = Logger.getLogger(DeliveryReceipts.class.getName());
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));

    private record Receipt(String userId, String notificationId) {
    }

    @Inject
    TradingNotifications notifications;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    private final BlockingQueue<Receipt> pending = new LinkedBlockingQueue<>(10_000);
    private volatile boolean running;
    private Thread thread;

    @PostConstruct
    void start() {
        running = true;
        thread = threadFactory.newThread(this::run);
        thread.setName("herald-delivery-receipts");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
    }

    /** Returns at once. */
    public void handedToSocket(String userId, String notificationId) {
        if (!pending.offer(new Receipt(userId, notificationId))) {
            FAILURES.log(Level.WARNING, () -> "Too many notification receipts waiting; one was dropped");
        }
    }

    private void run() {
        while (running) {
            try {
                Receipt r = pending.poll(1, TimeUnit.SECONDS);
                if (r != null) {
                    notifications.delivered(r.userId(), r.notificationId());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                FAILURES.log(Level.WARNING, () -> "Recording a notification receipt failed: " + e);
            }
        }
    }
}
