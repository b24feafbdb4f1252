package io.herald.operations.boundary;

import io.herald.socket.SharedEndpointConfigurator;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Hands {@link AdminSocket} what the upgrade request says about its caller: the administrator of
 * its HTTP session, its Bearer token, and whether the shared {@link io.herald.socket.OriginPolicy}
 * allows its {@code Origin}: a page of another site must not open the socket with the
 * administrator's cookie.
 */
public class AdminSocketConfigurator extends SharedEndpointConfigurator {

    static final String ADMIN = "herald.admin.sessionAdmin";
    static final String BEARER = "herald.admin.bearer";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> properties = config.getUserProperties();
        Object session = request.getHttpSession();
        AdminAccess.ofSession(session instanceof HttpSession http ? http : null)
                .ifPresentOrElse(a -> properties.put(ADMIN, a), () -> properties.remove(ADMIN));
        String authorization = first(request.getHeaders().get("Authorization"));
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            properties.put(BEARER, authorization.substring(7).strip());
        } else {
            properties.remove(BEARER);
        }
        checkOrigin(config, request);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
