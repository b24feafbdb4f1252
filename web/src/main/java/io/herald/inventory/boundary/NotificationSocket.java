package io.herald.inventory.boundary;

import io.herald.auth.control.InvalidTokenException;
import io.herald.auth.control.TokenVerifier;
import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.SessionRegistry;
import io.herald.inventory.control.Inbox;
import io.herald.inventory.control.InventoryKeys;
import io.herald.socket.SendQueues;
import io.herald.socket.SharedEndpointConfigurator;
import io.herald.socket.SocketSubscriber;
import io.herald.socket.SocketTimers;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /inventory/api/ws/notification?access_token=<JWT>} (document 001). Without a token the
 * socket is closed with 1008 {@code Access token required}; with a refused one, 1008 and the
 * reason; when the token expires, 1008 {@code Token expired}. On connect the user's unread
 * notifications follow the confirmation, oldest first; new ones arrive as they are created, on
 * whichever node.
 */
@ServerEndpoint(value = "/inventory/api/ws/notification", configurator = SharedEndpointConfigurator.class)
public class NotificationSocket {

    private static final Logger LOG = Logger.getLogger(NotificationSocket.class.getName());
    private static final String CONNECTION = "herald.inventory.connection";
    private static final String FORMAT = "inventory";
    private static final int POLICY_VIOLATION = CloseReason.CloseCodes.VIOLATED_POLICY.getCode();

    @Inject
    TokenVerifier verifier;

    @Inject
    SessionRegistry registry;

    @Inject
    Inbox inbox;

    @Inject
    SocketTimers timers;

    @Inject
    SendQueues sendQueues;

    @Inject
    @ConfigProperty(name = "herald.inventory.inbox-limit", defaultValue = "500")
    int inboxLimit;

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> tokens = session.getRequestParameterMap().get("access_token");
        VerifiedToken token;
        try {
            token = verifier.verify(tokens == null || tokens.isEmpty() ? null : tokens.get(0));
        } catch (InvalidTokenException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, e.reason()));
            return;
        }
        SocketSubscriber out = sendQueues.subscriber(session, FORMAT, InventoryCodec::notification);
        InboxConnection connection = new InboxConnection(out, token, inbox);
        session.getUserProperties().put(CONNECTION, connection);
        registry.subscribe(connection, InventoryKeys.user(token.subject()));
        out.send(InventoryCodec.connected(token.subject()));
        connection.openInbox(inbox.unread(token.subject(), inboxLimit));
        connection.expiresWith(timers.at(token.expiresAt(), () -> connection.close(POLICY_VIOLATION, "Token expired")));
    }

    @OnMessage(maxMessageSize = 65536)
    public void message(Session session, String text) {
        InboxConnection connection = (InboxConnection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            connection.out().reply(InventoryCodec.decode(text).runOn(connection));
        }
    }

    /** Document 001 speaks JSON text (and PING) only. */
    @OnMessage(maxMessageSize = 65536)
    public void binary(Session session, ByteBuffer data) {
        InboxConnection connection = (InboxConnection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            connection.out().reply(connection.error(SocketSubscriber.BINARY_NOT_SUPPORTED));
        }
    }

    @OnClose
    public void close(Session session) {
        InboxConnection connection = (InboxConnection) session.getUserProperties().remove(CONNECTION);
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
