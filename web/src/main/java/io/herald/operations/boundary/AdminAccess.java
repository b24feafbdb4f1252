package io.herald.operations.boundary;

import io.herald.auth.boundary.BearerTokenMechanism;
import io.herald.auth.control.VerifiedToken;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Who may use the admin page's API and socket: a session signed in through
 * {@code POST /admin/api/login}, or a Bearer token with the group {@value #ROLE}.
 */
final class AdminAccess {

    /** The group of an administrator's token. */
    static final String ROLE = "admin";
    /** The session attribute that holds the signed-in administrator's name. */
    static final String SESSION_ADMIN = "herald.admin.user";
    /**
     * The header every state-changing request of a signed-in session must carry: a page of another
     * site cannot add it without the browser asking first (CORS), so a forged form post fails.
     */
    static final String CSRF_HEADER = "X-Herald-Admin";

    private AdminAccess() {
    }

    /** The administrator of this session, if it signed in. */
    static Optional<String> ofSession(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((String) session.getAttribute(SESSION_ADMIN));
        } catch (IllegalStateException e) {
            return Optional.empty(); // invalidated meanwhile
        }
    }

    /** Whether {@code token} is an administrator's. */
    static boolean isAdmin(Optional<VerifiedToken> token) {
        return token.map(t -> t.hasGroup(ROLE)).orElse(false);
    }

    /** Why a request is refused, {@code null} when it is an administrator's. */
    static String refusal(jakarta.servlet.http.HttpServletRequest request, boolean changesState) {
        Optional<VerifiedToken> token = BearerTokenMechanism.tokenOf(request);
        if (token.isPresent()) {
            return isAdmin(token) ? null : "Forbidden: requires role " + ROLE;
        }
        if (ofSession(request.getSession(false)).isEmpty()) {
            return BearerTokenMechanism.refusalOf(request).orElse("Administrator sign-in required");
        }
        if (changesState && request.getHeader(CSRF_HEADER) == null) {
            return "Missing header " + CSRF_HEADER;
        }
        return null;
    }
}
