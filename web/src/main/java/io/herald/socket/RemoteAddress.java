package io.herald.socket;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * The client's IP address of a WebSocket session, read once when it opens. The WebSocket API has no
 * call for it; Tyrus (GlassFish, Payara) answers {@code TyrusSession.getRemoteAddr()}. Elsewhere
 * (Undertow on WildFly) it is unknown, {@code null}.
 */
final class RemoteAddress {

    private static final Logger LOG = Logger.getLogger(RemoteAddress.class.getName());

    private RemoteAddress() {
    }

    /** @return the address, or {@code null} when the container does not tell */
    static String of(Session session) {
        try {
            Method getter = session.getClass().getMethod("getRemoteAddr");
            Object address = getter.invoke(session);
            return address instanceof String text && !text.isBlank() ? text : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "No remote address for WebSocket " + session.getId() + ": " + e);
            return null;
        }
    }
}
