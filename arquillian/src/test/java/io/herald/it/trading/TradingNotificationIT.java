package io.herald.it.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.herald.it.Cluster;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In-app notifications are stored, pushed to the user's sockets on every node, and announced delivered (once) and read. */
@ExtendWith(Cluster.class)
class TradingNotificationIT {

    private static List<JsonObject> drain(WsClient ws) {
        List<JsonObject> all = new ArrayList<>();
        Optional<JsonObject> m;
        while ((m = ws.poll(Duration.ofSeconds(all.isEmpty() ? 10 : 2))).isPresent()) {
            all.add(m.get());
        }
        return all;
    }

    @Test
    void aNotificationReachesTheUserOnBothNodesAndIsDeliveredOnceThenRead() {
        String user = "notified-" + System.nanoTime();
        Map<String, String> own = Map.of("Authorization", "Bearer " + TestTokens.token(user));
        try (WsClient onA = TradingSocketIT.withHeader(Cluster.get().nodeA(), TestTokens.token(user));
                WsClient onB = TradingSocketIT.withHeader(Cluster.get().nodeB(), TestTokens.token(user));
                WsClient stranger = TradingSocketIT.withHeader(Cluster.get().nodeB(), TestTokens.token("stranger"))) {
            for (WsClient ws : List.of(onA, onB, stranger)) {
                ws.next();
                TradingSocketIT.request(ws, "{'type':'subscribe','channel':'notifications'}");
            }
            HttpJson.Reply created = new HttpJson(Cluster.get().nodeA()).post("/trading/api/notifications",
                    "{\"userId\":\"" + user + "\",\"title\":\"Margin Guard Alert\",\"message\":\"Position BTC_USD is at risk\",\"type\":\"warning\","
                            + "\"category\":\"margin_guard\",\"data\":{\"positionId\":\"pos_123\"}}",
                    Map.of("Authorization", "Bearer " + TestTokens.token("ops", "admin")));
            assertEquals(201, created.status(), created.body());
            String id = created.object().getString("id");

            for (WsClient ws : List.of(onA, onB)) {
                List<JsonObject> got = drain(ws);
                assertEquals("in_app_notification", got.get(0).getString("type"), got::toString);
                assertEquals("notifications", got.get(0).getString("channel"));
                JsonObject n = got.get(0).getJsonObject("data");
                assertEquals(id, n.getString("id"));
                assertEquals("warning", n.getString("type"));
                assertEquals("pos_123", n.getJsonObject("data").getString("positionId"));
                assertFalse(n.getBoolean("read"));
                List<JsonObject> delivered = got.stream().filter(m -> m.getString("type").equals("notification_status_update")).toList();
                assertEquals(1, delivered.size(), "delivered is announced once in the cluster: " + got);
                assertEquals("delivered", delivered.get(0).getJsonObject("data").getString("status"));
            }
            assertEquals(404, new HttpJson(Cluster.get().nodeB()).post("/trading/api/notifications/" + id + "/read", "",
                    Map.of("Authorization", "Bearer " + TestTokens.token("stranger"))).status());
            HttpJson.Reply read = new HttpJson(Cluster.get().nodeB()).post("/trading/api/notifications/" + id + "/read", "", own);
            assertEquals(200, read.status(), read.body());
            JsonObject status = onA.next();
            assertEquals("notification_status_update", status.getString("type"));
            assertEquals("read", status.getJsonObject("data").getString("status"));
            assertEquals(true, new HttpJson(Cluster.get().nodeA()).get("/trading/api/notifications", own).json().asJsonArray().getJsonObject(0).getBoolean("read"));
            assertEquals(Optional.empty(), stranger.poll(Duration.ofMillis(300)));
        }
    }
}
