package io.herald.inventory.boundary;

import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.Delivery;
import io.herald.inventory.control.Inbox;
import io.herald.inventory.control.NotificationView;
import io.herald.socket.SocketConnection;
import io.herald.socket.SocketSubscriber;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One open notification socket. Live notifications that arrive while the inbox (the unread
 * notifications) is being sent are held back and sent after it, except those the inbox already
 * contained, so every notification arrives once and the inbox comes first. Error replies are
 * limited by the socket's error budget ({@link SocketSubscriber#reply}).
 */
public final class InboxConnection extends SocketConnection {

    private final SocketSubscriber out;
    private final VerifiedToken token;
    private final Inbox inbox;
    private final Object lock = new Object();
    private List<Delivery> held = new ArrayList<>();

    InboxConnection(SocketSubscriber out, VerifiedToken token, Inbox inbox) {
        super(out);
        this.out = out;
        this.token = token;
        this.inbox = inbox;
    }

    @Override
    public String user() {
        return token.subject();
    }

    VerifiedToken token() {
        return token;
    }

    @Override
    protected void accept(Delivery delivery) {
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
                out.send(InventoryCodec.notification(n));
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

    @Override
    public String error(String message) {
        return InventoryCodec.error(message);
    }

    @Override
    public String pong() {
        return InventoryCodec.pong();
    }

    boolean markRead(String notificationId) {
        return inbox.markRead(token.subject(), notificationId) != Inbox.Marked.NOT_FOUND;
    }

}
