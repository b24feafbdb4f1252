package io.herald.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RefusalReasonTest {

    @Test
    void everyCloseReasonOfTheSocketsHasItsLabel() {
        assertEquals("missing_token", RefusalReason.of("Access token required").label());
        assertEquals("missing_token", RefusalReason.of("Authentication required").label());
        assertEquals("expired_token", RefusalReason.of("Token expired").label());
        assertEquals("invalid_token", RefusalReason.of("Invalid access token").label());
        assertEquals("invalid_token", RefusalReason.of("Invalid token signature").label());
        assertEquals("invalid_token", RefusalReason.of("Invalid token issuer").label());
        assertEquals("invalid_token", RefusalReason.of("Token not yet valid").label());
        assertEquals("invalid_token", RefusalReason.of("Token has no subject (sub)").label());
        assertEquals("invalid_token", RefusalReason.of("Token groups must be strings").label());
        assertEquals("not_configured", RefusalReason.of("Token verification is not configured on the server").label());
        assertEquals("origin_not_allowed", RefusalReason.of("Origin not allowed").label());
        assertEquals("connection_limit", RefusalReason.of("Connection limit reached").label());
        assertEquals("rate_limited", RefusalReason.of("Rate limit exceeded").label());
    }

    @Test
    void attackerTextNeverBecomesALabel() {
        assertEquals(RefusalReason.INVALID_TOKEN, RefusalReason.of("Unsupported token algorithm \"}\nherald_fake 1"));
        assertEquals(RefusalReason.OTHER, RefusalReason.of("anything a client typed"));
        assertEquals(RefusalReason.OTHER, RefusalReason.of(null));
        assertEquals(RefusalReason.OTHER, RefusalReason.of(" "));
    }
}
