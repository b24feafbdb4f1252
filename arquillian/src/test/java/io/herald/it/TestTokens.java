package io.herald.it;

import java.util.Map;

/** Server-side settings the test nodes share for token verification (filled in by the JWT work). */
final class TestTokens {

    private TestTokens() {
    }

    static Map<String, String> serverEnvironment() {
        return Map.of();
    }
}
