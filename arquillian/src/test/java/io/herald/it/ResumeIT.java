package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Resume after a node's death: a commerce client on node A has seen some events when A is killed
 * with {@code kill -9}; events go on through node B; the client reconnects to B with the last
 * {@code event_id} it saw and gets every event it missed, once and in order, then live events. A
 * resume with an id from another event log gets the documented gap message first. The same for a
 * trading room ({@code lastEventId}).
 */
class ResumeIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));

    private static String order(String run, int n) {
        return "{\"product\":\"commerce\",\"type\":\"order:updated\",\"routing_keys\":[\"commerce:order_changes\"],"
                + "\"data\":{\"run\":\"" + run + "\",\"n\":" + n + "},\"durable\":true}";
    }

    private static WsClient commerce(HeraldNode node) {
        HttpJson login = new HttpJson(node);
        assertEquals(200, login.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", login.cookieHeader()));
        ws.expectType("connected");
        return ws;
    }

    /** The next order event of this run (other frames skipped). */
    private static JsonObject nextOf(WsClient ws, String run) {
        while (true) {
            JsonObject m = ws.next();
            if ("order:updated".equals(m.getString("event", null)) && run.equals(m.getJsonObject("data").getString("run", null))) {
                return m;
            }
        }
    }

    @Test
    void aClientWhoseNodeWasKilledResumesOnAnotherNodeWithWhatItMissedOnceAndInOrder() throws Exception {
        try (SharedDatabase database = SharedDatabase.startH2(); ExternalBroker broker = new ExternalBroker().start()) {
            Map<String, String> env = new HashMap<>(database.environment());
            env.put("HERALD_BROKER_URL", broker.url());
            env.putAll(TestTokens.serverEnvironment());
            try (HeraldNode a = HeraldNode.start("resume-a", env); HeraldNode b = HeraldNode.start("resume-b", env)) {
                String run = "run-" + System.nanoTime();
                HttpJson publisher = new HttpJson(b);
                String last;
                WsClient onA = commerce(a);
                onA.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
                onA.expectType("subscribed");
                for (int n = 1; n <= 3; n++) {
                    assertEquals(202, publisher.post("/api/events", order(run, n), ADMIN).status());
                }
                JsonObject third = null;
                for (int n = 1; n <= 3; n++) {
                    third = nextOf(onA, run);
                    assertEquals(n, third.getJsonObject("data").getInt("n"));
                }
                last = third.getString("event_id");
                assertNotNull(last, "every durable event carries event_id");

                a.kill();
                onA.close();
                for (int n = 4; n <= 8; n++) {
                    assertEquals(202, publisher.post("/api/events", order(run, n), ADMIN).status());
                }

                try (WsClient onB = commerce(b)) {
                    onB.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\",\"last_event_id\":\"" + last + "\"}");
                    onB.expectType("subscribed");
                    List<Integer> got = new ArrayList<>();
                    for (int n = 4; n <= 8; n++) {
                        got.add(nextOf(onB, run).getJsonObject("data").getInt("n"));
                    }
                    assertEquals(List.of(4, 5, 6, 7, 8), got, "the missed events, in order");
                    assertEquals(202, publisher.post("/api/events", order(run, 9), ADMIN).status());
                    assertEquals(9, nextOf(onB, run).getJsonObject("data").getInt("n"), "then live events");
                    Optional<JsonObject> more = onB.poll(Duration.ofMillis(700));
                    assertTrue(more.isEmpty(), () -> "nothing twice: " + more);

                    onB.send("{\"type\":\"subscribe\",\"channel\":\"shipment_changes\",\"last_event_id\":\"0123456789ab.1\"}");
                    onB.expectType("subscribed");
                    JsonObject gap = onB.expectType("gap");
                    assertEquals("shipment_changes", gap.getString("channel"));
                    assertEquals("0123456789ab.1", gap.getString("last_event_id"));
                    assertEquals("the event id is from another event log", gap.getString("reason"));
                }
            }
        }
    }
}
