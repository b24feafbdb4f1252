package io.herald.commerce.boundary;

import io.herald.socket.HttpSessionConfigurator;
import io.herald.socket.ProductSocket;
import io.herald.socket.SocketCommand;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /commerce/ws} (document 000). The HTTP session cookie from
 * {@code POST /commerce/api/auth/login} authenticates the upgrade; without it the socket is
 * closed with 1008 {@code Authentication required}, and when that session ends (logout, timeout)
 * with 1008 {@code Session ended}. Limits, binary frames and errors: {@link ProductSocket}.
 */
@ServerEndpoint(value = "/commerce/ws", configurator = HttpSessionConfigurator.class)
public class CommerceSocket extends ProductSocket<CommerceConnection> {

    private static final String FORMAT = "commerce";

    @Override
    protected String product() {
        return FORMAT;
    }

    @Override
    protected CommerceConnection accept(Session session) throws IOException {
        HttpSession http = (HttpSession) session.getUserProperties().get(HttpSessionConfigurator.HTTP_SESSION);
        if (CommerceLogin.userId(http).isEmpty()) {
            return refuse(session, "Authentication required");
        }
        return new CommerceConnection(subscriber(session, CommerceCodec::event), registry, replay, http);
    }

    @Override
    protected void opened(CommerceConnection connection) {
        HttpSession http = connection.httpSession();
        Optional<Long> user = CommerceLogin.userId(http);
        try {
            CommerceLogin.sockets(http).add(connection);
        } catch (IllegalStateException invalidated) {
            connection.sessionEnded();
            return;
        }
        connection.out().send(CommerceCodec.connected(user.orElseThrow()));
        if (CommerceLogin.userId(http).isEmpty()) {
            // logged out while this socket was opening
            connection.sessionEnded();
        }
    }

    @Override
    protected SocketCommand<? super CommerceConnection> decode(String text) {
        return CommerceCodec.decode(text);
    }
}
