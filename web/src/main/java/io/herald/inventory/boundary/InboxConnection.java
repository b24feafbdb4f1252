package io.herald.inventory.boundary;

import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.Subscriber;
import io.herald.inventory.control.Inbox;
import io.herald.inventory.control.NotificationView;
import io.herald.socket.SocketSubscriber;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * One open notification socket. Live notifications that arrive while the inbox (the unread
 * notifications) is being sent are held back and sent after it, except those the inbox already
 * contained, so every notification arrives once and the inbox comes first. Error replies are
 * limited by the socket's error budget ({@link SocketSubscriber#reply}).
 */
public final class InboxConnection implements Subscriber {

    private final SocketSubscriber out;
    private final VerifiedToken token;
    private final Inbox inbox;
    private final Object lock = new Object();
    private List<Delivery> held = new ArrayList<>();
    private volatile Future<?> expiry;

    InboxConnection(SocketSubscriber out, VerifiedToken token, Inbox inbox) {
        this.out = out;
        this.token = token;
        this.inbox = inbox;
    }

    @Override
    public String id() {
        return out.id();
    }

    @Override
    public void deliver(Delivery delivery) {
        synchronized (lock) {
            if (held != null) {
                held.add(delivery);
                return;
            }
        }
        out.deliver(delivery);
    }

    /** Sends the unread notifications, then what arrived meanwhile; from then on events go straight out. */
    void openInbox(List<NotificationView> unread) {
        synchronized (lock) {
            Set<String> sent = new HashSet<>();
            for (NotificationView n : unread) {
                out.send(n.wire().toString());
                sent.add(n.id());
            }
            for (Delivery d : held) {
                if (!sent.contains(d.event().data().getString("id", ""))) {
                    out.deliver(d);
                }
            }
            held = null;
        }
    }

    /** The error reply (the socket's error budget decides whether it is sent). */
    String error(String message) {
        return InventoryCodec.error(message);
    }

    boolean markRead(String notificationId) {
        return inbox.markRead(token.subject(), notificationId) != Inbox.Marked.NOT_FOUND;
    }

    SocketSubscriber out() {
        return out;
    }

    void expiresWith(Future<?> closer) {
        this.expiry = closer;
    }

    void closed() {
        Future<?> closer = expiry;
        if (closer != null) {
            closer.cancel(false);
        }
    }

    @Override
    public void close(int code, String reason) {
        out.close(code, reason);
    }
}
