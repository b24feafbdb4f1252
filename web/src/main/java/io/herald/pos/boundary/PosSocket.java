package io.herald.pos.boundary;

import io.herald.auth.control.InvalidTokenException;
import io.herald.auth.control.TokenVerifier;
import io.herald.auth.control.VerifiedToken;
import io.herald.common.control.LogLimiter;
import io.herald.pos.control.PosMembers;
import io.herald.pos.control.Presence;
import io.herald.pos.control.PresenceJoins;
import io.herald.pos.control.PresenceNodes;
import io.herald.socket.BearerTokenConfigurator;
import io.herald.socket.ProductSocket;
import io.herald.socket.SocketClose;
import io.herald.socket.SocketCommand;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /pos/v1/ws} (document 003). The JWT comes as {@code Authorization: Bearer <token>} on
 * the upgrade or, for browsers, as {@code ?access_token=}. Without one, or with a refused one, the
 * socket is closed with 1008 and the reason right after the upgrade (the same as the inventory
 * socket; a WebSocket client sees the reason, which an HTTP 401 on the upgrade would hide); when
 * the token expires, with 1008 {@code Token expired}. The locations of the token are recorded
 * ({@link PosMembers}: who may be notified by whom). Limits, binary frames and errors:
 * {@link ProductSocket}.
 */
@ServerEndpoint(value = "/pos/v1/ws", configurator = BearerTokenConfigurator.class)
public class PosSocket extends ProductSocket<PosConnection> {

    private static final String FORMAT = "pos";
    private static final LogLimiter MEMBERS = new LogLimiter(Logger.getLogger(PosSocket.class.getName()), Duration.ofMinutes(1));

    @Override
    protected String product() {
        return FORMAT;
    }

    @Inject
    TokenVerifier verifier;

    @Inject
    Presence presence;

    @Inject
    PresenceNodes nodes;

    @Inject
    PosMembers members;

    @Inject
    @ConfigProperty(name = "herald.pos.subscription-limit", defaultValue = "50")
    int subscriptionLimit;

    @Inject
    @ConfigProperty(name = "herald.pos.presence-limit", defaultValue = "50")
    int presenceLimit;

    @Override
    protected PosConnection accept(Session session) throws IOException {
        String header = (String) session.getUserProperties().get(BearerTokenConfigurator.BEARER_TOKEN);
        List<String> query = session.getRequestParameterMap().get("access_token");
        String raw = header != null ? header : query == null || query.isEmpty() ? null : query.get(0);
        VerifiedToken token;
        try {
            token = verifier.verify(raw);
        } catch (InvalidTokenException e) {
            return refuse(session, e.reason());
        }
        try {
            members.record(token);
        } catch (RuntimeException e) {
            // two connections of one user recording at once: the other one's rows stand
            MEMBERS.log(Level.INFO, () -> "Could not record the locations of " + token.subject() + ": " + e);
        }
        // events are encoded per connection (each carries its own subscription ids)
        return new PosConnection(subscriber(session, event -> ""), token, registry, subscriptionLimit, presence, nodes.node(), replay,
                new PresenceJoins(presenceLimit));
    }

    @Override
    protected void opened(PosConnection connection) {
        connection.endsWithConnection(timers.at(connection.token().expiresAt(),
                () -> connection.close(SocketClose.POLICY_VIOLATION, "Token expired")));
    }

    @Override
    protected SocketCommand<? super PosConnection> decode(String text) {
        return PosCodec.decode(text);
    }
}
