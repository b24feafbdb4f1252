package io.herald.delivery.control;

import io.herald.eventlog.control.EventLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends committed events to the JMS topic in the order they were handed over. At most one
 * drain task runs at a time on the managed executor, which keeps that order. A send that fails
 * leaves durable events unpublished in the log; {@code OutboxRepair} sends them again later.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class.getName());

    @Resource(lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Messaging.EVENTS_TOPIC)
    Topic topic;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    EventLog eventLog;

    private final Queue<EventEnvelope> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** Queues events for sending; returns at once. */
    public void publish(Collection<EventEnvelope> events) {
        pending.addAll(events);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
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

    private void drain() {
        try {
            List<Long> sent = new ArrayList<>();
            try (JMSContext context = connectionFactory.createContext()) {
                JMSProducer producer = context.createProducer();
                EventEnvelope next;
                while ((next = pending.peek()) != null) {
                    producer.send(topic, EnvelopeCodec.encode(next));
                    pending.poll();
                    if (next.durable()) {
                        sent.add(next.id());
                    }
                }
            } catch (RuntimeException e) {
                int dropped = pending.size();
                pending.clear();
                LOG.log(Level.WARNING, "Publishing to the event topic failed; " + dropped
                        + " queued events are left to the outbox repair", e);
            } finally {
                markPublished(sent);
            }
        } finally {
            draining.set(false);
            scheduleDrain();
        }
    }
}
