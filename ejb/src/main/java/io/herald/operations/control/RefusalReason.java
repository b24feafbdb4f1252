package io.herald.operations.control;

import java.util.List;
import java.util.Locale;

/**
 * The fixed set of labels a refused connection is counted under in the metrics ({@code reason}
 * of {@code herald_handshakes_refused_total}), the MBean and the admin page. Close reasons can
 * carry text a client chose (a token's algorithm name, a claim): only these labels leave the node.
 */
public enum RefusalReason {

    NOT_CONFIGURED("not_configured", "token verification is not configured", "not configured"),
    MISSING_TOKEN("missing_token", "access token required", "authentication required", "bearer token required", "sign-in required"),
    EXPIRED_TOKEN("expired_token", "token expired"),
    INVALID_TOKEN("invalid_token", "invalid access token", "invalid token", "unsupported token algorithm", "token has no",
            "token subject", "token admin_level", "token not yet valid", "token "),
    ORIGIN_NOT_ALLOWED("origin_not_allowed", "origin not allowed"),
    FORBIDDEN("forbidden", "forbidden", "not allowed", "access denied"),
    UNKNOWN_CHANNEL("unknown_channel", "unknown channel", "channel not found"),
    CONNECTION_LIMIT("connection_limit", "connection limit", "connections open"),
    RATE_LIMITED("rate_limited", "rate limit", "too many"),
    OTHER("other");

    private final String label;
    private final List<String> starts;

    RefusalReason(String label, String... starts) {
        this.label = label;
        this.starts = List.of(starts);
    }

    /** The metrics label. */
    public String label() {
        return label;
    }

    /** The label for a close reason: the first (in this order) whose phrase the reason starts with, else the first whose phrase it contains; {@link #OTHER} otherwise. */
    public static RefusalReason of(String closeReason) {
        if (closeReason == null || closeReason.isBlank()) {
            return OTHER;
        }
        String text = closeReason.strip().toLowerCase(Locale.ROOT);
        for (RefusalReason reason : values()) {
            for (String phrase : reason.starts) {
                if (text.startsWith(phrase)) {
                    return reason;
                }
            }
        }
        for (RefusalReason reason : values()) {
            for (String phrase : reason.starts) {
                if (text.contains(phrase)) {
                    return reason;
                }
            }
        }
        return OTHER;
    }
}
