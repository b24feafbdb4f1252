package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one origin rule of the sockets a cookie authenticates ({@code /commerce/ws}, {@code /admin/ws}). */
class OriginPolicyTest {

    @Test
    void byDefaultOnlyTheServersOwnPagesAndNonBrowsersMayOpenTheSocket() {
        Set<String> none = Set.of();
        assertTrue(OriginPolicy.allows(null, "localhost:8080", none), "not a browser");
        assertTrue(OriginPolicy.allows("http://localhost:8080", "localhost:8080", none));
        assertTrue(OriginPolicy.allows("https://Herald.example.com", "herald.example.com", none));
        assertFalse(OriginPolicy.allows("http://evil.example", "localhost:8080", none));
        assertFalse(OriginPolicy.allows("http://localhost:9999", "localhost:8080", none));
        assertFalse(OriginPolicy.allows("http://localhost:8080.evil.example", "localhost:8080", none));
        assertFalse(OriginPolicy.allows("null", "localhost:8080", none), "a sandboxed page or a file");
        assertFalse(OriginPolicy.allows("not a uri", "localhost:8080", none));
        assertFalse(OriginPolicy.allows("http://localhost:8080", null, none));
    }

    @Test
    void theConfiguredOriginsAreAllowedToo() {
        Set<String> allowed = OriginPolicy.parse(" https://App.example.com:443/, http://shop.example:8081 ,, garbage");
        assertEquals(Set.of("https://app.example.com", "http://shop.example:8081"), allowed);
        assertTrue(OriginPolicy.allows("https://app.example.com", "herald.internal:8080", allowed));
        assertTrue(OriginPolicy.allows("http://shop.example:8081", "herald.internal:8080", allowed));
        assertFalse(OriginPolicy.allows("http://app.example.com", "herald.internal:8080", allowed), "another scheme");
        assertFalse(OriginPolicy.allows("http://shop.example", "herald.internal:8080", allowed), "another port");
        assertFalse(OriginPolicy.allows("https://evil.example", "herald.internal:8080", allowed));
    }
}
