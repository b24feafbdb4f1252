package io.herald.commerce.boundary;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What a commerce login keeps in the HTTP session. */
final class CommerceLogin {

    /** The logged-in back-office user's id ({@code Long}). */
    static final String USER_ID = "herald.commerce.userId";
    /** The logged-in back-office user's e-mail address ({@code String}), who the admin page shows. */
    static final String EMAIL = "herald.commerce.email";
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

    /** Marks the session as logged in; the socket set is created here, before any socket can race for it. */
    static void logIn(HttpSession session, long userId, String email) {
        session.setAttribute(SOCKETS, ConcurrentHashMap.newKeySet());
        session.setAttribute(EMAIL, email);
        session.setAttribute(USER_ID, userId);
    }

    /** The logged-in user's e-mail address, or {@code null}. */
    static String email(HttpSession session) {
        try {
            return session == null ? null : (String) session.getAttribute(EMAIL);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** The sockets opened with this logged-in session (empty if it is not logged in). */
    @SuppressWarnings("unchecked")
    static Set<CommerceConnection> sockets(HttpSession session) {
        Object sockets = session.getAttribute(SOCKETS);
        return sockets instanceof Set<?> set ? (Set<CommerceConnection>) set : ConcurrentHashMap.newKeySet();
    }
}
