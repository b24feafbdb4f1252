package io.herald.socket;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Hands the HTTP session of the upgrade request (if the client sent a valid session cookie) to
 * the endpoint as the user property {@value #HTTP_SESSION}, only when the {@link OriginPolicy}
 * allows the request's {@code Origin}; otherwise it marks the handshake
 * {@value SharedEndpointConfigurator#ORIGIN_REFUSED} and the endpoint closes with 1008. Tyrus
 * copies the user properties per handshake, so concurrent handshakes do not see each other's session.
 */
public class HttpSessionConfigurator extends SharedEndpointConfigurator {

    public static final String HTTP_SESSION = "herald.httpSession";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Object session = checkOrigin(config, request) ? request.getHttpSession() : null;
        if (session instanceof HttpSession http) {
            config.getUserProperties().put(HTTP_SESSION, http);
        } else {
            config.getUserProperties().remove(HTTP_SESSION);
        }
    }
}
