package io.herald.socket;

import io.herald.common.control.LogLimiter;
import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.Subscriber;
import io.herald.delivery.control.Traffic;
import io.herald.operations.control.ProductMeter;
import jakarta.websocket.CloseReason;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A WebSocket session as a {@link Subscriber}. Every outgoing text (replies and events) goes
 * through one queue, in order. Queuing costs the caller a reference and two counters; the frames
 * are written by a sender thread, as many as are waiting each time it runs for this session.
 *
 * <p>A client that does not read is closed with 1013 once it would make the server hold more than
 * {@link SendLimits#frames()} frames in Herald's queue, or more than
 * {@link SendLimits#pendingBytes()} bytes in Herald's queue and unconfirmed by the client's
 * answers to read-receipt pings (the container's write queue and the kernel's buffers included).
 */
public final class SocketSubscriber implements Subscriber {

    /** The error text for a binary frame: every document speaks JSON text only. */
    public static final String BINARY_NOT_SUPPORTED = "Binary messages are not supported";
    /** How the error frames of every product begin. */
    public static final String ERROR_PREFIX = "{\"type\":\"error\"";

    private static final Logger LOG = Logger.getLogger(SocketSubscriber.class.getName());
    /** One line per 10 s however many clients are too slow. */
    private static final LogLimiter SLOW_CLIENTS = new LogLimiter(LOG, Duration.ofSeconds(10));

    private final FrameSink sink;
    private final ProductMeter meter;
    private final long openedAt = System.currentTimeMillis();
    private final Object format;
    private final Object replayFormat;
    private final Function<EventEnvelope, String> encoder;
    private final SendLimits limits;
    private final Executor sender;
    private final ReadReceipts receipts;
    private final Queue<OutgoingFrame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedFrames = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The most bytes of frames written to a socket at once (a single larger frame goes alone). */
    static final int BATCH_BYTES = 32 * 1024;
    /** Set by {@link #closeWhenSent}: the close that follows the last queued frame. */
    private volatile CloseReason pendingClose;
    private final ErrorBudget errors = ErrorBudget.standard();
    /** When a frame or ping was last written ({@link System#nanoTime}). */
    private volatile long lastWriteAt = System.nanoTime();
    private final String remoteAddress;
    // What went out, for operators: written only by the sender (one task at a time per session), read by anyone.
    private volatile long framesSent;
    private volatile long bytesSent;
    private volatile long lastSentAt;
    // What came in: written only by the container's reader (one frame at a time per session, JSR 356), read by anyone.
    private volatile long framesReceived;
    private volatile long bytesReceived;
    private volatile long lastReceivedAt;

    /**
     * @param format the key under which encoded events are shared between sessions of one wire format
     * @param encoder turns an event into this product's wire text
     * @param sender runs the writes; frames of one session are written by one task at a time
     */
    public SocketSubscriber(Session session, ProductMeter meter, Object format, Function<EventEnvelope, String> encoder,
            SendLimits limits, Executor sender) {
        this(FrameSink.of(session), meter, format, encoder, limits, sender);
    }

    SocketSubscriber(FrameSink sink, ProductMeter meter, Object format, Function<EventEnvelope, String> encoder,
            SendLimits limits, Executor sender) {
        this.sink = sink;
        this.meter = meter;
        this.format = format;
        this.replayFormat = new ReplayFormat(format);
        this.encoder = encoder;
        this.limits = limits;
        this.sender = sender;
        this.receipts = new ReadReceipts(limits.pingEveryBytes(), limits.maxOutstandingPings());
        this.remoteAddress = RemoteAddress.of(sink.session());
        sink.session().addMessageHandler(PongMessage.class, pong -> receipts.pong(pong.getApplicationData()));
    }

    @Override
    public String id() {
        return sink.session().getId();
    }

    public Session session() {
        return sink.session();
    }

    /** The product whose socket this is. */
    @Override
    public String product() {
        return meter.product();
    }

    @Override
    public long openedAt() {
        return openedAt;
    }

    @Override
    public int queuedFrames() {
        return queuedFrames.get();
    }

    @Override
    public Traffic traffic() {
        return new Traffic(remoteAddress, framesSent, bytesSent, framesReceived, bytesReceived,
                Math.max(openedAt, Math.max(lastSentAt, lastReceivedAt)));
    }

    /**
     * Counts a frame the client sent ({@code bytes} of payload). Called by the socket for each text
     * or binary frame, on the container's thread that reads this session (one at a time).
     */
    public void received(int bytes) {
        framesReceived = framesReceived + 1; // single writer
        bytesReceived = bytesReceived + bytes;
        lastReceivedAt = System.currentTimeMillis();
    }

    @Override
    public void deliver(Delivery delivery) {
        enqueue(delivery.replayed() ? delivery.encoded(replayFormat, this::replayedFrameOf) : delivery.encoded(format, this::liveFrameOf));
    }

    private OutgoingFrame liveFrameOf(EventEnvelope event) {
        return OutgoingFrame.event(encoder.apply(event), event.timestamp().toEpochMilli());
    }

    private OutgoingFrame replayedFrameOf(EventEnvelope event) {
        return OutgoingFrame.event(encoder.apply(event), 0);
    }

    /** The key of a replayed event's frame: not timed, so not shared with the live frame of the same format. */
    private record ReplayFormat(Object format) {
    }

    /** Queues an event's frame that the product encoded for this connection alone (counted and timed as {@link #deliver} does). */
    public void sendEvent(String text, Delivery delivery) {
        enqueue(OutgoingFrame.event(text, delivery.committedAt()));
    }

    /** Queues one text frame. */
    public void send(String text) {
        enqueue(OutgoingFrame.of(text));
    }

    /**
     * Queues a reply to a client message. Error replies (every document's error frames start with
     * {@value #ERROR_PREFIX}) are limited by the connection's {@link ErrorBudget}: a client that
     * sends nothing but garbage gets 20 answers per 10 s, then silence until the window passes, so
     * it cannot make the server write for it at the rate it writes. {@code null} sends nothing.
     */
    public void reply(String text) {
        if (text == null) {
            return;
        }
        if (!text.startsWith(ERROR_PREFIX)) {
            send(text);
        } else if (errors.spend()) {
            meter.errorAnswered();
            send(text);
        }
    }

    private void enqueue(OutgoingFrame frame) {
        if (closed.get() || pendingClose != null) {
            return;
        }
        int frames = queuedFrames.incrementAndGet();
        long bytes = queuedBytes.addAndGet(frame.bytes());
        long pending = bytes + receipts.unacknowledged();
        if (frames > limits.frames() || pending > limits.pendingBytes()) {
            queuedFrames.decrementAndGet();
            queuedBytes.addAndGet(-frame.bytes());
            SLOW_CLIENTS.log(Level.WARNING, () -> "Closing WebSocket " + id() + ": client too slow, " + (frames - 1) + " frames and "
                    + (pending - frame.bytes()) + " bytes not yet read (limits " + limits.frames() + " frames, "
                    + limits.pendingBytes() + " bytes)");
            closeTooSlow();
            return;
        }
        queue.add(frame);
        if (draining.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    /**
     * Queues a ping when nothing was written for {@code idleNanos} (as of {@code now}, {@link System#nanoTime}),
     * so that a client can tell a quiet server from a dead one, and a client that is gone is found
     * by its missing pongs.
     */
    public void keepAlive(long now, long idleNanos) {
        if (now - lastWriteAt >= idleNanos && queue.isEmpty()) {
            lastWriteAt = now;
            enqueue(OutgoingFrame.KEEPALIVE);
        }
    }

    /** Writes what is waiting; runs on a sender thread, never twice at once for one session. */
    private void drain() {
        while (true) {
            if (closed.get() || !sink.session().isOpen()) {
                discardQueue();
                draining.set(false);
                return;
            }
            OutgoingFrame next = take();
            if (next == null) {
                CloseReason last = pendingClose;
                if (last != null) {
                    draining.set(false);
                    close(last.getCloseCode().getCode(), last.getReasonPhrase());
                    return;
                }
                draining.set(false);
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            boolean more = write(next);
            if (!more) {
                return; // the container calls resume
            }
        }
    }

    private boolean write(OutgoingFrame frame) {
        lastWriteAt = System.nanoTime();
        if (frame == OutgoingFrame.KEEPALIVE) {
            try {
                sink.ping(receipts.ping());
            } catch (IOException | RuntimeException e) {
                LOG.fine(() -> "Keepalive ping to " + id() + " failed: " + e);
            }
            return true;
        }
        if (sink.writesFrames()) {
            writeFramesFrom(frame);
            return true;
        }
        boolean more;
        try {
            more = sink.write(frame.text(), this::resume);
        } catch (RuntimeException e) {
            LOG.fine(() -> "Send to " + id() + " failed: " + e);
            return true;
        }
        long now = System.currentTimeMillis();
        sent(1, frame.bytes(), now);
        delivered(frame, now);
        pingIfDue(frame.bytes());
        return more;
    }

    /**
     * Writes {@code first} and the frames queued behind it, up to {@link #BATCH_BYTES} (or one
     * larger frame alone), as one buffer: one write and one flush for a burst instead of one each.
     */
    private void writeFramesFrom(OutgoingFrame first) {
        byte[] only = first.wire();
        List<OutgoingFrame> batch = null;
        int total = only.length;
        int payload = first.bytes();
        for (OutgoingFrame next = queue.peek(); next != null && next != OutgoingFrame.KEEPALIVE; next = queue.peek()) {
            int length = next.wire().length;
            if (total + length > BATCH_BYTES) {
                break;
            }
            take(); // only this sender takes from the queue, so it is the frame just looked at
            if (batch == null) {
                batch = new ArrayList<>();
                batch.add(first);
            }
            batch.add(next);
            total += length;
            payload += next.bytes();
        }
        ByteBuffer frames;
        if (batch == null) {
            frames = ByteBuffer.wrap(only);
        } else {
            byte[] joined = new byte[total];
            int at = 0;
            for (OutgoingFrame f : batch) {
                byte[] w = f.wire();
                System.arraycopy(w, 0, joined, at, w.length);
                at += w.length;
            }
            frames = ByteBuffer.wrap(joined);
        }
        try {
            sink.writeFrames(frames);
        } catch (RuntimeException e) {
            LOG.fine(() -> "Send to " + id() + " failed: " + e);
            return;
        }
        long now = System.currentTimeMillis();
        if (batch == null) {
            sent(1, payload, now);
            delivered(first, now);
        } else {
            sent(batch.size(), payload, now);
            batch.forEach(f -> delivered(f, now));
        }
        pingIfDue(payload);
    }

    /** Counts one write of {@code frames} frames ({@code bytes} of payload) at {@code now} (epoch ms), for operators. */
    private void sent(int frames, int bytes, long now) {
        framesSent = framesSent + frames; // single writer: the sender
        bytesSent = bytesSent + bytes;
        lastSentAt = now;
    }

    /** Counts a written event as delivered, timed when it is live (written at {@code now}, epoch ms). */
    private void delivered(OutgoingFrame frame, long now) {
        if (frame.event()) {
            meter.delivered(frame.committedAt(), frame.committedAt() > 0 ? now : 0);
        }
    }

    /** A read-receipt ping once enough bytes went out since the last one. */
    private void pingIfDue(int bytes) {
        Optional<ByteBuffer> ping = receipts.written(bytes);
        if (ping.isPresent()) {
            try {
                sink.ping(ping.get());
            } catch (IOException | RuntimeException e) {
                LOG.fine(() -> "Ping to " + id() + " failed: " + e);
            }
        }
    }

    private void resume() {
        sender.execute(this::drain);
    }

    private void discardQueue() {
        while (take() != null) {
            // dropped
        }
    }

    /** The next queued frame, out of the queue and its counts; {@code null} when none waits. */
    private OutgoingFrame take() {
        OutgoingFrame next = queue.poll();
        if (next != null) {
            queuedFrames.decrementAndGet();
            queuedBytes.addAndGet(-next.bytes());
        }
        return next;
    }

    /** Bytes this client has been sent but has not yet proven to have read. */
    long unacknowledgedBytes() {
        return receipts.unacknowledged();
    }

    /** Closes with 1013: the client does not read fast enough (counted as a slow client). */
    public void closeTooSlow() {
        if (!closed.get()) {
            meter.slowClientClosed();
        }
        close(SocketClose.TOO_SLOW, SocketClose.TOO_SLOW_REASON);
    }

    @Override
    public void close(int code, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        discardQueue();
        Session session = sink.session();
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Close of " + id() + " failed", e);
        }
    }

    /**
     * Closes once what is queued now has been written (a refusal the client should read before the
     * close); nothing queued after this call is sent.
     */
    public void closeWhenSent(int code, String reason) {
        if (closed.get() || pendingClose != null) {
            return;
        }
        pendingClose = new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
        if (draining.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    /** Whether a close is under way or done (nothing queued now will be sent, or it follows the queued frames). */
    public boolean closing() {
        return closed.get() || pendingClose != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SocketSubscriber s && s.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }
}
