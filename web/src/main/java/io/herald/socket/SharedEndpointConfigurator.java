package io.herald.socket;

import jakarta.enterprise.inject.spi.CDI;
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

    private static final Map<Class<?>, Object> INSTANCES = new ConcurrentHashMap<>();

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(INSTANCES.computeIfAbsent(endpointClass, type -> CDI.current().select(type).get()));
    }
}
