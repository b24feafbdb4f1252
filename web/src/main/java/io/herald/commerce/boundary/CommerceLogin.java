package io.herald.commerce.boundary;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What a commerce login keeps in the HTTP session. */
final class CommerceLogin {

    /** The logged-in back-office user's id ({@code Long}). */
    static final String USER_ID = "herald.commerce.userId";
    /** The WebSocket subscribers opened with this HTTP session, closed when it ends. */
    static final String SOCKETS = "herald.commerce.sockets";

    private CommerceLogin() {
    }

    static Optional<Long> userId(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((Long) session.getAttribute(USER_ID));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    static Set<CommerceSocket.Connection> sockets(HttpSession session) {
        synchronized (session) {
            Object sockets = session.getAttribute(SOCKETS);
            if (sockets == null) {
                sockets = ConcurrentHashMap.newKeySet();
                session.setAttribute(SOCKETS, sockets);
            }
            return (Set<CommerceSocket.Connection>) sockets;
        }
    }
}
