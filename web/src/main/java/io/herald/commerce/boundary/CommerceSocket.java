package io.herald.commerce.boundary;

import io.herald.commerce.control.CommerceChannels;
import io.herald.delivery.control.SessionRegistry;
import io.herald.socket.HttpSessionConfigurator;
import io.herald.socket.SendQueues;
import io.herald.socket.SocketSubscriber;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code /commerce/ws} (document 000). The HTTP session cookie from
 * {@code POST /commerce/api/auth/login} authenticates the upgrade; without it the socket is
 * closed with 1008. Frames larger than 64 KiB close the socket with 1009.
 */
@ServerEndpoint(value = "/commerce/ws", configurator = HttpSessionConfigurator.class)
public class CommerceSocket {

    private static final Logger LOG = Logger.getLogger(CommerceSocket.class.getName());
    private static final String CONNECTION = "herald.commerce.connection";
    private static final String FORMAT = "commerce";

    @Inject
    SessionRegistry registry;

    @Inject
    SendQueues sendQueues;

    @OnOpen
    public void open(Session session) throws IOException {
        HttpSession http = (HttpSession) session.getUserProperties().get(HttpSessionConfigurator.HTTP_SESSION);
        Optional<Long> user = CommerceLogin.userId(http);
        if (user.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Authentication required"));
            return;
        }
        Connection connection = new Connection(sendQueues.subscriber(session, FORMAT, CommerceCodec::event), registry);
        session.getUserProperties().put(CONNECTION, connection);
        registry.register(connection.subscriber());
        try {
            CommerceLogin.sockets(http).add(connection);
        } catch (IllegalStateException invalidated) {
            connection.subscriber().close(1008, "Session ended");
            return;
        }
        connection.subscriber().send(CommerceCodec.connected(user.get()));
        if (CommerceLogin.userId(http).isEmpty()) {
            // logged out while this socket was opening
            connection.subscriber().close(1008, "Session ended");
        }
    }

    @OnMessage(maxMessageSize = 65536)
    public void message(Session session, String text) {
        Connection connection = (Connection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            connection.subscriber().reply(CommerceCodec.decode(text).runOn(connection));
        }
    }

    /** Document 000 speaks JSON text only. */
    @OnMessage(maxMessageSize = 65536)
    public void binary(Session session, ByteBuffer data) {
        Connection connection = (Connection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            connection.subscriber().reply(CommerceCodec.error(SocketSubscriber.BINARY_NOT_SUPPORTED));
        }
    }

    @OnClose
    public void close(Session session) {
        Connection connection = (Connection) session.getUserProperties().remove(CONNECTION);
        if (connection != null) {
            registry.remove(connection.subscriber());
            HttpSession http = (HttpSession) session.getUserProperties().get(HttpSessionConfigurator.HTTP_SESSION);
            try {
                CommerceLogin.sockets(http).remove(connection);
            } catch (IllegalStateException invalidated) {
                // the HTTP session is gone already, and with it the set
            }
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.fine(() -> "WebSocket " + session.getId() + " error: " + error);
    }

    /** One open commerce socket: its subscriber and its channel subscriptions. */
    public static final class Connection {

        private final SocketSubscriber subscriber;
        private final SessionRegistry registry;

        Connection(SocketSubscriber subscriber, SessionRegistry registry) {
            this.subscriber = subscriber;
            this.registry = registry;
        }

        SocketSubscriber subscriber() {
            return subscriber;
        }

        String subscribe(String channel) {
            return CommerceChannels.routingKey(channel)
                    .map(key -> {
                        registry.subscribe(subscriber, key);
                        return CommerceCodec.confirmation("subscribed", channel);
                    })
                    .orElseGet(() -> CommerceCodec.error("Unknown channel: " + channel));
        }

        String unsubscribe(String channel) {
            return CommerceChannels.routingKey(channel)
                    .map(key -> {
                        registry.unsubscribe(subscriber, key);
                        return CommerceCodec.confirmation("unsubscribed", channel);
                    })
                    .orElseGet(() -> CommerceCodec.error("Unknown channel: " + channel));
        }
    }
}
