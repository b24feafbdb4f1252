package io.herald.inventory.boundary;

import io.herald.auth.control.InvalidTokenException;
import io.herald.auth.control.TokenVerifier;
import io.herald.auth.control.VerifiedToken;
import io.herald.inventory.control.Inbox;
import io.herald.inventory.control.InventoryKeys;
import io.herald.socket.ProductSocket;
import io.herald.socket.SharedEndpointConfigurator;
import io.herald.socket.SocketClose;
import io.herald.socket.SocketCommand;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /inventory/api/ws/notification?access_token=<JWT>} (document 001). Without a token the
 * socket is closed with 1008 {@code Access token required}; with a refused one, 1008 and the
 * reason; when the token expires, 1008 {@code Token expired}. On connect the user's unread
 * notifications follow the confirmation, oldest first; new ones arrive as they are created, on
 * whichever node. Limits, binary frames and errors: {@link ProductSocket}.
 */
@ServerEndpoint(value = "/inventory/api/ws/notification", configurator = SharedEndpointConfigurator.class)
public class NotificationSocket extends ProductSocket<InboxConnection> {

    private static final String FORMAT = "inventory";

    @Override
    protected String product() {
        return FORMAT;
    }

    @Inject
    TokenVerifier verifier;

    @Inject
    Inbox inbox;

    @Inject
    @ConfigProperty(name = "herald.inventory.inbox-limit", defaultValue = "500")
    int inboxLimit;

    @Override
    protected InboxConnection accept(Session session) throws IOException {
        List<String> tokens = session.getRequestParameterMap().get("access_token");
        VerifiedToken token;
        try {
            token = verifier.verify(tokens == null || tokens.isEmpty() ? null : tokens.get(0));
        } catch (InvalidTokenException e) {
            return refuse(session, e.reason());
        }
        return new InboxConnection(subscriber(session, InventoryCodec::notification), token, inbox);
    }

    @Override
    protected void opened(InboxConnection connection) {
        String user = connection.token().subject();
        registry.subscribe(connection, InventoryKeys.user(user));
        connection.out().send(InventoryCodec.connected(user));
        connection.openInbox(inbox.unread(user, inboxLimit));
        connection.endsWithConnection(timers.at(connection.token().expiresAt(),
                () -> connection.close(SocketClose.POLICY_VIOLATION, "Token expired")));
    }

    @Override
    protected SocketCommand<? super InboxConnection> decode(String text) {
        return InventoryCodec.decode(text);
    }
}
