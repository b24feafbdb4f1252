package io.herald.it.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.RawWebSocket;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading is closed with 1013 once it would make the server hold more than
 * {@code herald.session.max-pending-bytes} (1 MiB by default), although the container accepts every
 * write; a fast client on the same channel receives every event, once and in order.
 */
@ExtendWith(Cluster.class)
class SlowClientIT {

    private static final int EVENTS = 150;
    /** 150 events of about 16 KB: more than twice the default limit of 1 MiB. */
    private static final String PADDING = "x".repeat(16_000);

    @Test
    void aClientThatStopsReadingIsClosedWith1013WhileAFastClientReceivesEverythingInOrder() throws Exception {
        HeraldNode node = Cluster.get().nodeA();
        CommerceClient admin = CommerceClient.loggedIn(node);
        HttpJson http = new HttpJson(node);
        Map<String, String> asAdmin = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));
        String marker = "slow-" + System.nanoTime();
        try (WsClient fast = admin.subscribed("order_changes");
                RawWebSocket slow = RawWebSocket.open(node, "/commerce/ws", Map.of("Cookie", admin.http.cookieHeader()))) {
            slow.readTextContaining("\"connected\"");
            slow.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
            slow.readTextContaining("\"subscribed\"");
            // from here on the slow client reads nothing

            for (int i = 0; i < EVENTS; i++) {
                HttpJson.Reply reply = http.post("/api/events", "{\"product\":\"commerce\",\"type\":\"order:updated\","
                        + "\"routing_keys\":[\"commerce:order_changes\"],\"data\":{\"marker\":\"" + marker + "\",\"seq\":" + i
                        + ",\"padding\":\"" + PADDING + "\"}}", asAdmin);
                assertEquals(202, reply.status(), reply.body());
            }

            for (int i = 0; i < EVENTS; i++) {
                JsonObject event = fast.next();
                assertEquals("order:updated", event.getString("event"));
                assertEquals(marker, event.getJsonObject("data").getString("marker"));
                assertEquals(i, event.getJsonObject("data").getInt("seq"), "events arrive in the order they were published");
            }
            assertTrue(fast.poll(Duration.ofSeconds(1)).isEmpty(), "each event arrives once");
            assertTrue(!fast.isClosed(), "the fast client stays connected");

            List<String> texts = RawWebSocket.newList();
            Optional<RawWebSocket.Frame> close = slow.drainUntilClose(texts);
            assertTrue(close.isPresent(), "the slow client gets a close frame after what was already on its way");
            assertEquals(1013, close.get().closeCode());
            assertTrue(texts.size() < EVENTS, "the slow client was cut off before it was sent everything: " + texts.size());
        }
        String log = node.logText();
        assertTrue(log.contains("client too slow"), "one line in the log says why the client was closed");
    }
}
