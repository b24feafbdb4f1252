package io.herald.commerce.boundary;

import io.herald.commerce.control.CommerceChannels;
import io.herald.delivery.control.SessionRegistry;
import io.herald.eventlog.control.EventReplay;
import java.util.Optional;
import java.util.Set;
import io.herald.socket.SocketClose;
import io.herald.socket.SocketConnection;
import io.herald.socket.SocketSubscriber;
import jakarta.servlet.http.HttpSession;

/** One open commerce socket: its channel subscriptions. */
public final class CommerceConnection extends SocketConnection {

    static final String SESSION_ENDED = "Session ended";

    private final SessionRegistry registry;
    private final EventReplay replay;
    private final HttpSession http;

    CommerceConnection(SocketSubscriber out, SessionRegistry registry, EventReplay replay, HttpSession http) {
        super(out);
        this.registry = registry;
        this.replay = replay;
        this.http = http;
    }

    /** The back-office user's e-mail address. */
    @Override
    public String user() {
        return CommerceLogin.email(http);
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

    /** Subscribes; with {@code lastEventId}, first replays what the channel had since (or says it cannot). */
    String subscribe(String channel, String lastEventId) {
        Optional<String> routingKey = CommerceChannels.routingKey(channel);
        if (routingKey.isEmpty()) {
            return CommerceCodec.error("Unknown channel: " + channel);
        }
        String key = routingKey.get();
        if (lastEventId == null) {
            registry.subscribe(this, key);
            return CommerceCodec.confirmation("subscribed", channel);
        }
        resume(key, lastEventId, e -> e.routingKeys().contains(key), () -> {
            registry.subscribe(this, key);
            out().send(CommerceCodec.confirmation("subscribed", channel));
        }, () -> replay.since(CommerceChannels.PRODUCT, Set.of(key), lastEventId), gap -> CommerceCodec.gap(channel, lastEventId, gap));
        return null;
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
