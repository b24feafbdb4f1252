package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/events}: an admin publishes durable and ephemeral events that reach subscribers on every node. */
@ExtendWith(Cluster.class)
class PublishApiIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));

    private static String event(String marker, boolean durable) {
        return "{\"product\":\"commerce\",\"type\":\"order:updated\",\"routing_keys\":[\"commerce:order_changes\"],"
                + "\"data\":{\"marker\":\"" + marker + "\"},\"durable\":" + durable + "}";
    }

    @Test
    void durableAndEphemeralEventsReachSubscribersOnTheOtherNode() {
        HeraldNode a = Cluster.get().nodeA();
        HeraldNode b = Cluster.get().nodeB();
        HttpJson login = new HttpJson(b);
        assertEquals(200, login.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        try (WsClient ws = WsClient.connect(b.ws("/commerce/ws"), Map.of("Cookie", login.cookieHeader()))) {
            ws.expectType("connected");
            ws.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
            ws.expectType("subscribed");
            String marker = "publish-" + System.nanoTime();

            HttpJson.Reply durable = new HttpJson(a).post("/api/events", event(marker + "-durable", true), ADMIN);
            HttpJson.Reply ephemeral = new HttpJson(a).post("/api/events", event(marker + "-ephemeral", false), ADMIN);

            assertEquals(202, durable.status(), durable.body());
            assertEquals(true, durable.object().getBoolean("durable"));
            assertEquals(202, ephemeral.status(), ephemeral.body());
            assertEquals(false, ephemeral.object().getBoolean("durable"));
            JsonObject first = ws.next();
            JsonObject second = ws.next();
            assertEquals("order:updated", first.getString("event"));
            assertEquals(marker + "-durable", first.getJsonObject("data").getString("marker"));
            assertEquals(marker + "-ephemeral", second.getJsonObject("data").getString("marker"));
            assertTrue(first.containsKey("timestamp"));
        }
    }

    @Test
    void onlyAdminsPublishAndBadEventsAreRefusedWithTheReason() {
        HttpJson http = new HttpJson(Cluster.get().nodeA());
        assertEquals(401, http.post("/api/events", event("x", false)).status());
        assertEquals(403, http.post("/api/events", event("x", false), Map.of("Authorization", "Bearer " + TestTokens.token("alice"))).status());

        HttpJson.Reply otherProduct = http.post("/api/events", "{\"product\":\"commerce\",\"type\":\"t\",\"routing_keys\":[\"inventory:user:alice\"],\"data\":{}}", ADMIN);
        assertEquals(400, otherProduct.status());
        assertEquals("routing key 'inventory:user:alice' does not belong to product commerce", otherProduct.object().getString("message"));
        HttpJson.Reply unknownProduct = http.post("/api/events", "{\"product\":\"nope\",\"type\":\"t\",\"routing_keys\":[\"nope:x\"],\"data\":{}}", ADMIN);
        assertEquals(400, unknownProduct.status());
        assertEquals(400, http.post("/api/events", "{\"product\":\"commerce\",\"type\":\"t\",\"routing_keys\":[],\"data\":{}}", ADMIN).status());
        assertEquals(400, http.post("/api/events", "{\"product\":\"commerce\",\"type\":\"t\",\"routing_keys\":[\"commerce:a b\"],\"data\":{}}", ADMIN).status());
        assertEquals(400, http.post("/api/events", "{\"product\":\"commerce\",\"type\":\"t\",\"routing_keys\":[\"commerce:x\"],\"data\":[]}", ADMIN).status());
        assertEquals(400, http.post("/api/events", "{\"product\":\"commerce\",\"type\":\"t\",\"routing_keys\":[\"commerce:x\"],\"data\":{},\"extra\":1}", ADMIN).status());
        assertEquals(400, http.post("/api/events", "not json", ADMIN).status());
    }
}
