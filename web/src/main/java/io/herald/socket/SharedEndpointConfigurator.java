package io.herald.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves every connection of an endpoint class with one instance, obtained from CDI once.
 * Herald's endpoints keep per-connection state in the session's user properties and inject only
 * application-wide beans, so one instance serves all. The default configurator asks the server
 * for a new instance per handshake, and GlassFish's CDI integration builds a new injection target
 * for each one: about a sixth of a handshake's CPU.
 */
public class SharedEndpointConfigurator extends ServerEndpointConfig.Configurator {

    /**
     * The user property set ({@code Boolean.TRUE}) by a configurator of a cookie-authenticated
     * socket when the upgrade's {@code Origin} is refused by the {@link OriginPolicy}; the endpoint
     * then closes with 1008 {@value OriginPolicy#REFUSED} ({@link ProductSocket} does it).
     */
    public static final String ORIGIN_REFUSED = "herald.originRefused";

    private static final Map<Class<?>, Object> INSTANCES = new ConcurrentHashMap<>();

    private volatile OriginPolicy origins;

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(INSTANCES.computeIfAbsent(endpointClass, type -> CDI.current().select(type).get()));
    }

    /**
     * For sockets a cookie authenticates: records in the handshake's user properties whether the
     * {@link OriginPolicy} refuses the request's origin. @return whether it is allowed
     */
    protected final boolean checkOrigin(ServerEndpointConfig config, HandshakeRequest request) {
        OriginPolicy policy = origins;
        if (policy == null) {
            policy = CDI.current().select(OriginPolicy.class).get();
            origins = policy;
        }
        boolean allowed = policy.allows(request);
        config.getUserProperties().put(ORIGIN_REFUSED, !allowed);
        return allowed;
    }
}
