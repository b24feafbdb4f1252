package io.herald.operations.boundary;

import io.herald.auth.control.InvalidTokenException;
import io.herald.auth.control.TokenVerifier;
import io.herald.socket.OriginPolicy;
import io.herald.socket.SharedEndpointConfigurator;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/ws}: the admin page's live view. An administrator (a signed-in session, or a token
 * with the group admin as {@code Authorization: Bearer} or {@code ?access_token=}) receives an
 * {@code overview} frame every second ({@link AdminFeed}); anyone else is closed with 1008. The
 * socket takes no messages.
 */
@ServerEndpoint(value = "/admin/ws", configurator = AdminSocketConfigurator.class)
public class AdminSocket {

    static final String REFUSED = "Administrator sign-in required";
    static final int MAX_MESSAGE = 256;

    @Inject
    TokenVerifier verifier;

    @Inject
    AdminFeed feed;

    @OnOpen
    public void open(Session session) throws IOException {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
        if (Boolean.TRUE.equals(session.getUserProperties().get(SharedEndpointConfigurator.ORIGIN_REFUSED))) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, OriginPolicy.REFUSED));
            return;
        }
        if (!isAdmin(session)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, REFUSED));
            return;
        }
        feed.add(session);
    }

    private boolean isAdmin(Session session) {
        if (session.getUserProperties().get(AdminSocketConfigurator.ADMIN) != null) {
            return true;
        }
        String raw = (String) session.getUserProperties().get(AdminSocketConfigurator.BEARER);
        if (raw == null) {
            List<String> query = session.getRequestParameterMap().get("access_token");
            raw = query == null || query.isEmpty() ? null : query.get(0);
        }
        if (raw == null) {
            return false;
        }
        try {
            return AdminAccess.isAdmin(Optional.of(verifier.verify(raw)));
        } catch (InvalidTokenException e) {
            return false;
        }
    }

    @OnMessage
    public void message(Session session, String text) {
        // nothing to say to this socket
    }

    @OnClose
    public void closed(Session session) {
        feed.remove(session);
    }

    @OnError
    public void failed(Session session, Throwable error) {
        feed.remove(session);
    }
}
