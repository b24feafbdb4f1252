package io.herald.delivery.control;

import io.herald.common.control.LogLimiter;
import io.herald.eventlog.control.EventLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends committed events to the JMS topic in the order they were handed over. One publisher
 * thread per node (from the server's managed thread factory, so it carries the application's
 * context from its start) takes whatever has queued up, sends it on a JMS context it keeps open
 * between batches, and marks the durable events of the batch published in one statement.
 * Handing an event over is a queue insertion: no task, no context capture, no connection
 * allocation per commit. A send that fails closes the context (the next batch opens a new one)
 * and leaves the durable events of the batch and those queued behind it unpublished in the log;
 * {@code OutboxRepair} sends them again later.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class.getName());
    private static final int BATCH = 500;
    /** While the broker is down every batch fails: one line per 30 s. */
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofSeconds(30));

    @Resource(lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Messaging.EVENTS_TOPIC)
    Topic topic;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    @Inject
    EventLog eventLog;

    private final BlockingQueue<EventEnvelope> pending = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    @PostConstruct
    void start() {
        running = true;
        thread = threadFactory.newThread(this::run);
        thread.setName("herald-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues events for sending; returns at once. */
    public void publish(Collection<EventEnvelope> events) {
        pending.addAll(events);
    }

    private void run() {
        JMSContext context = null;
        List<EventEnvelope> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                EventEnvelope first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, BATCH - 1);
                if (context == null) {
                    context = connectionFactory.createContext();
                }
                send(context.createProducer(), batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                int dropped = pending.size();
                pending.clear();
                int left = batch.size() + dropped;
                FAILURES.log(Level.WARNING, () -> "Publishing to the event topic failed (" + e + "); " + left
                        + " queued events are left to the outbox repair");
                context = closeQuietly(context);
            } finally {
                batch.clear();
            }
        }
        closeQuietly(context);
    }

    private void send(JMSProducer producer, List<EventEnvelope> batch) {
        List<Long> sent = new ArrayList<>(batch.size());
        try {
            for (EventEnvelope next : batch) {
                producer.send(topic, EnvelopeCodec.encode(next));
                if (next.durable()) {
                    sent.add(next.id());
                }
            }
        } finally {
            markPublished(sent);
        }
    }

    private void markPublished(List<Long> sent) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            eventLog.markPublished(sent);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mark " + sent.size() + " sent events as published; the outbox repair will send them again", e);
        }
    }

    private static JMSContext closeQuietly(JMSContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Closing the publisher's JMS context failed: " + e);
            }
        }
        return null;
    }
}
