package io.herald.it.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /trading/ws} (document 004) on two nodes: both ways to authenticate and their failures, rooms, events across nodes, limits. */
@ExtendWith(Cluster.class)
class TradingSocketIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));

    static WsClient withHeader(HeraldNode node, String token) {
        return WsClient.connect(node.ws("/trading/ws"), Map.of("Authorization", "Bearer " + token));
    }

    static WsClient byMessage(HeraldNode node, String token) {
        WsClient ws = WsClient.connect(node.ws("/trading/ws"));
        ws.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        return ws;
    }

    static JsonObject request(WsClient ws, String json) {
        ws.send(json.replace('\'', '"'));
        return ws.next();
    }

    static List<String> rooms(JsonObject reply) {
        return reply.getJsonArray("subscribedRooms").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static void publish(HeraldNode node, String type, String key, String data) {
        HttpJson.Reply r = new HttpJson(node).post("/api/events", ("{'product':'trading','type':'" + type + "','routing_keys':['" + key
                + "'],'data':" + data + "}").replace('\'', '"'), ADMIN);
        assertEquals(202, r.status(), r.body());
    }

    @Test
    void bothWaysToAuthenticateAnswerTheConnectionMessage() {
        HeraldNode a = Cluster.get().nodeA();
        try (WsClient header = withHeader(a, TestTokens.token("user_123")); WsClient message = byMessage(a, TestTokens.token("user_456"))) {
            JsonObject first = header.next();
            assertEquals("connection", first.getString("type"));
            assertEquals("connected", first.getString("status"));
            assertEquals("user_123", first.getString("userId"));
            assertFalse(first.getString("sessionId").isBlank());
            assertTrue(first.getString("serverTime").endsWith("Z"));
            assertEquals("user_456", message.next().getString("userId"));
            assertEquals(List.of("user:user_123"), rooms(request(header, "{'type':'list_rooms'}")));
            assertEquals("ALREADY_AUTHENTICATED", request(message, "{'type':'auth','token':'x'}").getString("code"));
        }
    }

    @Test
    void everyAuthenticationFailureIsAnsweredAndClosed() {
        HeraldNode a = Cluster.get().nodeA();
        try (WsClient forged = byMessage(a, TestTokens.signedByStranger("mallory"));
                WsClient header = withHeader(a, TestTokens.token("late", Duration.ofSeconds(-10)));
                WsClient early = WsClient.connect(a.ws("/trading/ws"));
                WsClient silent = WsClient.connect(a.ws("/trading/ws"))) {
            JsonObject refused = forged.next();
            assertEquals("error", refused.getString("type"));
            assertEquals("AUTHENTICATION_FAILED", refused.getString("code"));
            assertEquals(1008, forged.awaitClose().code());
            assertEquals("AUTHENTICATION_FAILED", header.next().getString("code"));
            assertEquals(new WsClient.Close(1008, "Token expired"), header.awaitClose());

            assertEquals("AUTHENTICATION_REQUIRED", request(early, "{'type':'subscribe','channel':'market:BTC_USD'}").getString("code"));
            assertEquals("AUTHENTICATION_REQUIRED", request(early, "{'type':'ping'}").getString("code"));
            assertEquals(new WsClient.Close(1008, "Authentication timeout"), silent.awaitClose());
        }
    }

    @Test
    void roomsAndInvalidRooms() {
        HeraldNode a = Cluster.get().nodeA();
        String adminToken = TestTokens.withClaims(TestTokens.claims("root", TestTokens.ISSUER, Duration.ofHours(1), "admin").add("admin_level", 2).build());
        try (WsClient ws = withHeader(a, TestTokens.token("user_123")); WsClient admin = withHeader(a, adminToken)) {
            ws.next();
            JsonObject subscribed = request(ws, "{'type':'subscribe','channel':'market:BTC_USD'}");
            assertEquals("room_subscription", subscribed.getString("type"));
            assertEquals("market:BTC_USD", subscribed.getString("channel"));
            assertEquals("subscribed", subscribed.getString("status"));
            assertEquals(List.of("user:user_123", "market:BTC_USD"), rooms(subscribed));
            assertEquals(List.of("user:user_123", "market:BTC_USD", "positions"), rooms(request(ws, "{'type':'subscribe','channel':'positions'}")));
            JsonObject unsubscribed = request(ws, "{'type':'unsubscribe','channel':'market:BTC_USD'}");
            assertEquals("unsubscribed", unsubscribed.getString("status"));
            assertEquals(List.of("user:user_123", "positions"), rooms(unsubscribed));
            for (String room : List.of("user:user_456", "admin:1", "market:DOGE_USD", "lobby")) {
                assertEquals("INVALID_ROOM", request(ws, "{'type':'subscribe','channel':'" + room + "'}").getString("code"), room);
            }
            admin.next();
            assertEquals(List.of("user:root", "admin:2"), rooms(request(admin, "{'type':'list_rooms'}")));
            assertEquals("INVALID_ROOM", request(admin, "{'type':'subscribe','channel':'admin:3'}").getString("code"));
        }
    }

    @Test
    void marketAndSystemEventsReachTheRightClientsOnTheOtherNode() {
        HeraldNode a = Cluster.get().nodeA();
        HeraldNode b = Cluster.get().nodeB();
        try (WsClient btc = withHeader(b, TestTokens.token("btc-fan")); WsClient all = withHeader(b, TestTokens.token("all-markets"));
                WsClient eth = withHeader(b, TestTokens.token("eth-fan")); WsClient onA = withHeader(a, TestTokens.token("elsewhere"));
                WsClient admin = withHeader(a, TestTokens.token("operator", "admin"))) {
            for (WsClient ws : List.of(btc, all, eth, onA, admin)) {
                ws.next();
            }
            request(btc, "{'type':'subscribe','channel':'market:BTC_USD'}");
            request(all, "{'type':'subscribe','channel':'market_data'}");
            request(eth, "{'type':'subscribe','channel':'market:ETH_USD'}");

            publish(a, "market_data_update", "trading:market:BTC_USD", "{'symbol':'BTC_USD','price':43250.5}");
            publish(a, "market_data_update", "trading:markets", "{'symbol':'BTC_USD','price':43250.5}");
            JsonObject tick = btc.next();
            assertEquals("market_data_update", tick.getString("type"));
            assertEquals("market_data", tick.getString("channel"));
            assertEquals("BTC_USD", tick.getJsonObject("data").getString("symbol"));
            assertEquals("BTC_USD", all.next().getJsonObject("data").getString("symbol"));

            HttpJson.Reply announced = new HttpJson(a).post("/trading/api/system/maintenance",
                    "{\"startTime\":\"2025-01-07T02:00:00Z\",\"endTime\":\"2025-01-07T04:00:00Z\",\"message\":\"Scheduled maintenance will begin in 2 hours\"}", ADMIN);
            assertEquals(202, announced.status(), announced.body());
            for (WsClient ws : List.of(btc, all, eth, onA, admin)) {
                JsonObject m = ws.next();
                assertEquals("server_maintenance", m.getString("type"));
                assertEquals("system", m.getString("channel"));
                assertEquals(true, m.getJsonObject("data").getBoolean("scheduled"));
            }
            assertEquals(202, new HttpJson(b).post("/trading/api/system/status",
                    "{\"service\":\"margin_guard\",\"status\":\"degraded\",\"message\":\"delays\"}", ADMIN).status());
            assertEquals("service_status_update", eth.next().getString("type"));
            JsonObject status = admin.next();
            assertEquals("service_status_update", status.getString("type"), "to every client, and the admin room of node A");
            assertEquals("system", status.getString("channel"));
            assertTrue(admin.poll(Duration.ofMillis(500)).isEmpty(), "an admin gets it once");
            Optional<JsonObject> extra = btc.poll(Duration.ofMillis(500));
            assertEquals("service_status_update", extra.orElseThrow().getString("type"), "BTC got one tick and the announcements, nothing twice");
            assertEquals(403, new HttpJson(a).post("/trading/api/system/status", "{}", Map.of("Authorization", "Bearer " + TestTokens.token("x"))).status());
        }
    }

    @Test
    void theRateLimitAnswersThenClosesAndThePerUserCapRefuses() {
        HeraldNode a = Cluster.get().nodeA();
        // an admin on the other node hears of both breaches (admin:1, the default level of limit breaches)
        WsClient admin = withHeader(Cluster.get().nodeB(), TestTokens.token("watcher", "admin"));
        assertEquals("connection", admin.next().getString("type"));
        try (WsClient flood = withHeader(a, TestTokens.token("flooder"))) {
            flood.next();
            for (int i = 0; i < 120; i++) {
                flood.send("{\"type\":\"ping\"}");
            }
            List<String> codes = new ArrayList<>();
            Optional<JsonObject> m;
            while ((m = flood.poll(Duration.ofSeconds(2))).isPresent()) {
                codes.add(m.get().getString("code", m.get().getString("type")));
            }
            assertTrue(codes.contains("RATE_LIMIT_EXCEEDED"), codes::toString);
            // the flood's last frames are still unread when the server closes: the close frame may be overtaken by a reset
            flood.awaitEnd().ifPresent(close -> assertEquals(new WsClient.Close(1008, "Rate limit exceeded"), close));
        }
        JsonObject flooded = admin.next();
        assertEquals("rate_limit_exceeded", flooded.getString("type"));
        assertEquals("admin", flooded.getString("channel"));
        assertEquals("flooder", flooded.getJsonObject("data").getString("userId"));
        assertEquals("connection_closed", flooded.getJsonObject("data").getString("action"));
        assertEquals(50, flooded.getJsonObject("data").getInt("closeAfter"));
        String token = TestTokens.token("busy");
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                WsClient ws = withHeader(a, token);
                open.add(ws);
                assertEquals("connection", ws.next().getString("type"));
            }
            try (WsClient sixth = withHeader(a, token)) {
                assertEquals("CONNECTION_LIMIT", sixth.next().getString("code"));
                assertEquals(1008, sixth.awaitClose().code());
            }
            JsonObject refused = admin.next();
            assertEquals("connection_limit_exceeded", refused.getString("type"));
            assertEquals("admin", refused.getString("channel"));
            assertEquals("busy", refused.getJsonObject("data").getString("userId"));
            assertEquals(5, refused.getJsonObject("data").getInt("limit"));
            assertTrue(admin.lastEventId() != null, "durable: an admin can resume its room");
        } finally {
            open.forEach(WsClient::close);
            admin.close();
        }
    }
}
