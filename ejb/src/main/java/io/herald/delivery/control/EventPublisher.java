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
import java.util.UUID;
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
 *
 * <p>Every message carries this node's origin id and the number of the send attempt
 * ({@link Messaging#ORIGIN_PROPERTY}, {@link Messaging#SEQUENCE_PROPERTY}), so that a receiver
 * notices a message that did not reach it; a failed send tells the {@link #onFailure listener}
 * at once. Both let {@link OrderedFanout} switch to reading the event log before it could hand
 * a later event to a client ahead of an earlier one.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class.getName());
    private static final int BATCH = 500;
    /**
     * Events waiting to be sent at most (a broker that hangs): beyond it new events are not
     * queued; the durable ones stay in the log for the outbox repair and nodes catching up.
     */
    private static final int MAX_PENDING = 100_000;
    private static final LogLimiter OVERFLOW = new LogLimiter(LOG, Duration.ofSeconds(30));
    /** While the broker is down every batch fails: one line per 30 s. */
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofSeconds(30));

    @Inject
    MessagingResources resources;

    private ConnectionFactory connectionFactory;
    private Topic topic;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    @Inject
    EventLog eventLog;

    private final BlockingQueue<Outgoing> pending = new LinkedBlockingQueue<>();
    private final String origin = UUID.randomUUID().toString();
    /** Send attempts so far; only the publisher thread writes it. */
    private long sequence;
    private volatile Runnable failureListener = () -> { };
    private volatile boolean running;
    private Thread thread;

    /** An event, or a marker (no event) with its number. */
    private record Outgoing(EventEnvelope event, long marker) {
    }

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
        if (pending.size() >= MAX_PENDING) {
            OVERFLOW.log(Level.WARNING, () -> MAX_PENDING + " events are waiting for the event topic; new ones are left to the outbox repair");
            return;
        }
        for (EventEnvelope e : events) {
            pending.add(new Outgoing(e, 0));
        }
    }

    /** Queues a marker numbered {@code number} (positive) behind the events queued so far. */
    public void publishMarker(long number) {
        pending.add(new Outgoing(null, number));
    }

    /** Whether the publisher thread runs (liveness). */
    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** This node's origin id on the messages it publishes. */
    public String origin() {
        return origin;
    }

    /** Called on the publisher thread whenever a send fails. */
    public void onFailure(Runnable listener) {
        failureListener = listener;
    }

    private void run() {
        JMSContext context = null;
        List<Outgoing> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Outgoing first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, BATCH - 1);
                if (context == null) {
                    context = connectionFactory().createContext();
                }
                send(context, batch);
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
                failureListener.run();
            } finally {
                batch.clear();
            }
        }
        closeQuietly(context);
    }

    /**
     * The server's resources, taken on the publisher's thread at the first send: while the
     * application deploys, Payara Server does not yet answer calls to its enterprise beans.
     */
    private ConnectionFactory connectionFactory() {
        if (connectionFactory == null) {
            topic = resources.eventsTopic();
            connectionFactory = resources.connectionFactory();
        }
        return connectionFactory;
    }

    private void send(JMSContext context, List<Outgoing> batch) {
        List<Long> sent = new ArrayList<>(batch.size());
        JMSProducer producer = context.createProducer().setProperty(Messaging.ORIGIN_PROPERTY, origin);
        try {
            for (Outgoing next : batch) {
                producer.setProperty(Messaging.SEQUENCE_PROPERTY, ++sequence);
                if (next.event() == null) {
                    context.createProducer()
                            .setProperty(Messaging.ORIGIN_PROPERTY, origin)
                            .setProperty(Messaging.SEQUENCE_PROPERTY, sequence)
                            .setProperty(Messaging.MARKER_PROPERTY, next.marker())
                            .send(topic, "");
                    continue;
                }
                producer.send(topic, EnvelopeCodec.encode(next.event()));
                if (next.event().durable()) {
                    sent.add(next.event().id());
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
