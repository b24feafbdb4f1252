package io.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSubscribersTest {

    @Test
    void theConfigurationIsOneLineOfJsonWithTheCookieAndTheSubscribeFrameAsAString() {
        Target.Subscription herald = new Target.Subscription(URI.create("ws://127.0.0.1:8080/commerce/ws"),
                Map.of("Cookie", "JSESSIONID=abc"), Target.SUBSCRIBE, "connected");

        assertEquals("{\"url\":\"ws://127.0.0.1:8080/commerce/ws\",\"count\":500,\"headers\":{\"Cookie\":\"JSESSIONID=abc\"},"
                + "\"subscribe\":\"{\\\"type\\\":\\\"subscribe\\\",\\\"channel\\\":\\\"order_changes\\\"}\",\"waitFor\":\"connected\","
                + "\"confirm\":\"subscribed\",\"event\":\"order:updated\",\"timestampField\":\"timestamp\","
                + "\"expected\":100000,\"timeoutMs\":120000,\"concurrency\":64}",
                NodeSubscribers.config(herald, 500, 100_000, 120_000));
    }

    @Test
    void thePeerSubscribesOnOpenWithoutHeaders() {
        Target.Subscription peer = new Target.Subscription(URI.create("ws://127.0.0.1:8090/ws"), Map.of(), Target.SUBSCRIBE, null);

        String config = NodeSubscribers.config(peer, 1, 50, 1000);

        assertFalse(config.contains("waitFor"), config);
        assertTrue(config.contains("\"headers\":{},"), config);
    }

    @Test
    void quotesEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\u000a\"", NodeSubscribers.quote("a\"b\\c\n"));
    }

    @Test
    void theResultLineBecomesARowWithTheMissingDeliveries() {
        NodeSubscribers.Outcome outcome = NodeSubscribers.Outcome.parse(
                "{\"received\":9990,\"firstAt\":1769337000123,\"lastAt\":1769337001123,\"p50\":3,\"p99\":17,\"p999\":40,\"max\":52,\"closed\":0}");

        assertEquals(1769337001123L, outcome.lastAt());
        Result row = outcome.result("fan-out REST", "peer", 100, 100, 9990, 10_000);
        assertEquals(10, row.missing());
        assertEquals(3, row.p50());
        assertEquals(17, row.p99());
        assertEquals(40, row.p999());
        assertEquals(52, row.max());
        assertEquals("", row.note());
    }

    @Test
    void noEventsMeansNoLatenciesAndEarlyClosesAreNoted() {
        NodeSubscribers.Outcome outcome = NodeSubscribers.Outcome.parse(
                "{\"received\":0,\"firstAt\":-1,\"lastAt\":-1,\"p50\":-1,\"p99\":-1,\"p999\":-1,\"max\":-1,\"closed\":2}");

        Result row = outcome.result("latency 1 subscriber", "herald", 1, 500, 0, 500);
        assertEquals(500, row.missing());
        assertEquals(-1, row.p99());
        assertEquals("2 sockets closed early", row.note());
        assertThrows(IllegalArgumentException.class, () -> NodeSubscribers.number("{\"ready\":true}", "opened"));
    }
}
