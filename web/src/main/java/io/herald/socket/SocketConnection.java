package io.herald.socket;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.Subscriber;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

/**
 * One open socket of a product: its send queue ({@link #out()}), the timers that end with it, and
 * the replies whose shape its document defines ({@link #error}, {@link #pong}). A product's
 * connection adds the state its messages act on; {@link ProductSocket} registers it with the
 * node's session registry when it opens and removes it when it closes.
 */
public abstract class SocketConnection implements Subscriber {

    private final SocketSubscriber out;
    private final List<Future<?>> timers = new CopyOnWriteArrayList<>();

    protected SocketConnection(SocketSubscriber out) {
        this.out = out;
    }

    /** The product's error reply for {@code message} (the socket's error budget decides whether it goes out). */
    public abstract String error(String message);

    /** The product's answer to its application-level ping. */
    public abstract String pong();

    public final SocketSubscriber out() {
        return out;
    }

    @Override
    public String id() {
        return out.id();
    }

    /** Events go straight to the send queue unless a product holds or filters them. */
    @Override
    public void deliver(Delivery delivery) {
        out.deliver(delivery);
    }

    @Override
    public void close(int code, String reason) {
        out.close(code, reason);
    }

    /** Cancels {@code timer} (a deadline, a token's expiry) when the socket closes first. */
    public final <T extends Future<?>> T endsWithConnection(T timer) {
        timers.add(timer);
        return timer;
    }

    /** The socket is closed and out of the registry. */
    protected void closed() {
        timers.forEach(t -> t.cancel(false));
        timers.clear();
    }
}
