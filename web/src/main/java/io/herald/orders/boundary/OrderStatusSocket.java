package io.herald.orders.boundary;

import io.herald.delivery.control.SessionRegistry;
import io.herald.orders.control.OrderAccess;
import io.herald.orders.control.OrderSession;
import io.herald.orders.control.SubscriptionRules;
import io.herald.socket.SendQueues;
import io.herald.socket.SharedEndpointConfigurator;
import io.herald.socket.SocketSubscriber;
import io.herald.socket.SocketTimers;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /orders/ws} (document 002). The upgrade needs no credentials: the first message must be
 * {@code connect} with an {@code api_key} (and, for the organization scope, an
 * {@code authorization_signature}). A connection that has not authenticated within
 * {@code herald.orders.connect-timeout-seconds} is closed with 1008; frames over 64 KiB close it
 * with 1009.
 */
@ServerEndpoint(value = "/orders/ws", configurator = SharedEndpointConfigurator.class)
public class OrderStatusSocket {

    private static final Logger LOG = Logger.getLogger(OrderStatusSocket.class.getName());
    private static final String CONNECTION = "herald.orders.connection";
    private static final String FORMAT = "orders";

    @Inject
    SessionRegistry registry;

    @Inject
    OrderAccess access;

    @Inject
    SocketTimers timers;

    @Inject
    SendQueues sendQueues;

    @Inject
    @ConfigProperty(name = "herald.orders.connect-timeout-seconds", defaultValue = "30")
    long connectTimeoutSeconds;

    @OnOpen
    public void open(Session session) {
        SocketSubscriber out = sendQueues.subscriber(session, FORMAT, OrdersCodec::event);
        OrderSession state = new OrderSession(access::authenticate, new SubscriptionRules(access::organizationOfOrder));
        OrderConnection connection = new OrderConnection(out, state, registry);
        session.getUserProperties().put(CONNECTION, connection);
        registry.register(connection);
        if (connectTimeoutSeconds > 0) {
            connection.authenticateBy(timers.after(Duration.ofSeconds(connectTimeoutSeconds), connection::deadlinePassed));
        }
    }

    @OnMessage(maxMessageSize = 65536)
    public void message(Session session, String text) {
        OrderConnection connection = (OrderConnection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            connection.out().reply(OrdersCodec.decode(text).runOn(connection));
        }
    }

    /** Document 002 speaks JSON text only. */
    @OnMessage(maxMessageSize = 65536)
    public void binary(Session session, ByteBuffer data) {
        OrderConnection connection = (OrderConnection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            connection.out().reply(OrdersCodec.error(SocketSubscriber.BINARY_NOT_SUPPORTED));
        }
    }

    @OnClose
    public void close(Session session) {
        OrderConnection connection = (OrderConnection) session.getUserProperties().remove(CONNECTION);
        if (connection != null) {
            registry.remove(connection);
            connection.closed();
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.fine(() -> "WebSocket " + session.getId() + " error: " + error);
    }
}
