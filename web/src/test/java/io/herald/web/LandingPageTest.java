package io.herald.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LandingPageTest {

    @Test
    void listsTheFiveSocketsAtTheAddressTheRequestUsed() {
        String page = LandingPage.render(URI.create("http://127.0.0.1:8080/"));
        for (String socket : new String[] {"ws://127.0.0.1:8080/commerce/ws", "ws://127.0.0.1:8080/inventory/api/ws/notification",
                "ws://127.0.0.1:8080/orders/ws", "ws://127.0.0.1:8080/pos/v1/ws", "ws://127.0.0.1:8080/trading/ws"}) {
            assertTrue(page.contains(socket), socket);
        }
        assertTrue(page.contains("http://127.0.0.1:8080/commerce/api/auth/login"));
        assertTrue(page.contains("href=\"admin/\""));
        assertFalse(page.contains("{{"), "every placeholder filled");
    }

    @Test
    void secureSchemeAndContextRoot() {
        String page = LandingPage.render(URI.create("https://gateway.example.com/herald/"));
        assertTrue(page.contains("wss://gateway.example.com/herald/trading/ws"));
    }

    @Test
    void aHostileHostHeaderStaysText() {
        String page = LandingPage.render(URI.create("http://x%22%3E%3Cscript%3E:8080/"));
        assertFalse(page.contains("<script>"));
        assertTrue(LandingPage.escape("\"><script>'&").equals("&quot;&gt;&lt;script&gt;&#39;&amp;"));
    }
}
