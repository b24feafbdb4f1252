package io.herald.operations.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminSocketConfiguratorTest {

    @Test
    void onlyThePagesOwnOriginMayOpenTheSocket() {
        assertFalse(AdminSocketConfigurator.foreign(null, "localhost:8080"), "not a browser");
        assertFalse(AdminSocketConfigurator.foreign("http://localhost:8080", "localhost:8080"));
        assertFalse(AdminSocketConfigurator.foreign("https://Herald.example.com", "herald.example.com"));
        assertTrue(AdminSocketConfigurator.foreign("http://evil.example", "localhost:8080"));
        assertTrue(AdminSocketConfigurator.foreign("http://localhost:9999", "localhost:8080"));
        assertTrue(AdminSocketConfigurator.foreign("null", "localhost:8080"));
        assertTrue(AdminSocketConfigurator.foreign("http://localhost:8080", null));
    }
}
