package io.herald.socket;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.Subscriber;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A WebSocket session as a {@link Subscriber}. Every outgoing text (replies and events) goes
 * through one queue and is sent asynchronously, one frame at a time, in order. A client that
 * lets more than {@code queueLimit} frames pile up is closed with 1013 instead of holding memory.
 */
public final class SocketSubscriber implements Subscriber {

    /** 1013 Try Again Later: the client did not read fast enough. */
    public static final int CLOSE_TOO_SLOW = 1013;

    private static final Logger LOG = Logger.getLogger(SocketSubscriber.class.getName());

    private final Session session;
    private final Object format;
    private final Function<EventEnvelope, String> encoder;
    private final int queueLimit;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param format the key under which encoded events are shared between sessions of one wire format
     * @param encoder turns an event into this product's wire text
     */
    public SocketSubscriber(Session session, Object format, Function<EventEnvelope, String> encoder, int queueLimit) {
        this.session = session;
        this.format = format;
        this.encoder = encoder;
        this.queueLimit = queueLimit;
    }

    @Override
    public String id() {
        return session.getId();
    }

    public Session session() {
        return session;
    }

    @Override
    public void deliver(Delivery delivery) {
        send(delivery.encoded(format, encoder));
    }

    /** Queues one text frame. */
    public void send(String text) {
        if (closed.get()) {
            return;
        }
        if (queued.incrementAndGet() > queueLimit) {
            queued.decrementAndGet();
            LOG.warning(() -> "Closing WebSocket " + id() + ": more than " + queueLimit + " messages waiting");
            close(CLOSE_TOO_SLOW, "Client too slow: send queue full");
            return;
        }
        queue.add(text);
        pump();
    }

    private void pump() {
        while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
            String next = queue.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            queued.decrementAndGet();
            if (!session.isOpen()) {
                sending.set(false);
                return;
            }
            try {
                session.getAsyncRemote().sendText(next, this::sent);
            } catch (RuntimeException e) {
                sending.set(false);
                LOG.fine(() -> "Send to " + id() + " failed: " + e);
            }
            return;
        }
    }

    private void sent(SendResult result) {
        sending.set(false);
        if (!result.isOK()) {
            LOG.fine(() -> "Send to " + id() + " failed: " + result.getException());
        }
        pump();
    }

    @Override
    public void close(int code, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Close of " + id() + " failed", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SocketSubscriber s && s.session.getId().equals(session.getId());
    }

    @Override
    public int hashCode() {
        return session.getId().hashCode();
    }
}
