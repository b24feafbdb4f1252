package io.herald.socket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Hands the bearer token of the upgrade request's {@code Authorization} header to the endpoint as
 * the user property {@value #BEARER_TOKEN} (browsers cannot set the header; those endpoints also
 * read {@code ?access_token=}).
 */
public class BearerTokenConfigurator extends SharedEndpointConfigurator {

    public static final String BEARER_TOKEN = "herald.bearerToken";
    private static final String PREFIX = "Bearer ";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        List<String> values = request.getHeaders().get("Authorization");
        String header = values == null || values.isEmpty() ? null : values.get(0);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            config.getUserProperties().put(BEARER_TOKEN, header.substring(PREFIX.length()).trim());
        } else {
            config.getUserProperties().remove(BEARER_TOKEN);
        }
    }
}
