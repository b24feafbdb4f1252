package io.herald.commerce.boundary;

import io.herald.commerce.control.CommerceChannels;
import io.herald.delivery.control.SessionRegistry;
import io.herald.socket.SocketClose;
import io.herald.socket.SocketConnection;
import io.herald.socket.SocketSubscriber;
import jakarta.servlet.http.HttpSession;

/** One open commerce socket: its channel subscriptions. */
public final class CommerceConnection extends SocketConnection {

    static final String SESSION_ENDED = "Session ended";

    private final SessionRegistry registry;
    private final HttpSession http;

    CommerceConnection(SocketSubscriber out, SessionRegistry registry, HttpSession http) {
        super(out);
        this.registry = registry;
        this.http = http;
    }

    HttpSession httpSession() {
        return http;
    }

    @Override
    protected void closed() {
        super.closed();
        try {
            CommerceLogin.sockets(http).remove(this);
        } catch (IllegalStateException invalidated) {
            // the HTTP session is gone already, and with it the set
        }
    }

    @Override
    public String error(String message) {
        return CommerceCodec.error(message);
    }

    @Override
    public String pong() {
        return CommerceCodec.pong();
    }

    /** The HTTP session it was opened with ended (logout or timeout). */
    void sessionEnded() {
        close(SocketClose.POLICY_VIOLATION, SESSION_ENDED);
    }

    String subscribe(String channel) {
        return CommerceChannels.routingKey(channel)
                .map(key -> {
                    registry.subscribe(this, key);
                    return CommerceCodec.confirmation("subscribed", channel);
                })
                .orElseGet(() -> CommerceCodec.error("Unknown channel: " + channel));
    }

    String unsubscribe(String channel) {
        return CommerceChannels.routingKey(channel)
                .map(key -> {
                    registry.unsubscribe(this, key);
                    return CommerceCodec.confirmation("unsubscribed", channel);
                })
                .orElseGet(() -> CommerceCodec.error("Unknown channel: " + channel));
    }
}
