package io.herald.auth.boundary;

import io.herald.auth.control.InvalidTokenException;
import io.herald.auth.control.TokenVerifier;
import io.herald.auth.control.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Authenticates any request that carries {@code Authorization: Bearer <JWT>} with the same
 * verifier the WebSocket endpoints use, so a token is accepted or refused for the same reason
 * everywhere. The caller principal is the token's {@code sub}; its {@code groups} are the roles.
 * A refused token leaves the request unauthenticated and its reason in a request attribute,
 * which {@link RolesAllowedFeature} reports with 401. Requests without a Bearer token (the
 * commerce API's session cookie, query-string tokens) pass untouched.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    static final String TOKEN = "herald.auth.token";
    static final String REFUSED = "herald.auth.refused";
    private static final String SCHEME = "Bearer ";

    @Inject
    TokenVerifier verifier;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<String> bearer = bearer(request.getHeader("Authorization"));
        if (bearer.isEmpty()) {
            return context.doNothing();
        }
        try {
            VerifiedToken token = verifier.verify(bearer.get());
            request.setAttribute(TOKEN, token);
            return context.notifyContainerAboutLogin(token, token.groups());
        } catch (InvalidTokenException e) {
            request.setAttribute(REFUSED, e.reason());
            return context.doNothing();
        }
    }

    /** The verified token of this request, if it carried a valid one. */
    public static Optional<VerifiedToken> tokenOf(HttpServletRequest request) {
        return Optional.ofNullable((VerifiedToken) request.getAttribute(TOKEN));
    }

    /**
     * The {@code sub} of the request's verified token. Only for resources behind
     * {@code @RolesAllowed}, where {@link RolesAllowedFeature} has already refused requests without one.
     */
    public static String subjectOf(HttpServletRequest request) {
        return tokenOf(request).orElseThrow(() -> new IllegalStateException("no verified token: is the resource @RolesAllowed?")).subject();
    }

    /** Why this request's token was refused, if it carried an invalid one. */
    public static Optional<String> refusalOf(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(REFUSED));
    }

    static Optional<String> bearer(String header) {
        if (header == null || header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()).strip());
    }
}
