package io.herald.it.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
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

/** A price alert made over REST fires once, to its owner's {@code alerts} channel on any node, when a tick meets it. */
@ExtendWith(Cluster.class)
class PriceAlertIT {

    private static final Map<String, String> FEED = Map.of("Authorization", "Bearer " + TestTokens.token("feed", "market.feed"));

    @Test
    void anAlertFiresExactlyOnceForItsOwnerOnly() {
        HeraldNode a = Cluster.get().nodeA();
        HeraldNode b = Cluster.get().nodeB();
        String owner = "alerter-" + System.nanoTime();
        Map<String, String> ownerAuth = Map.of("Authorization", "Bearer " + TestTokens.token(owner));
        HttpJson.Reply created = new HttpJson(b).post("/trading/api/alerts", "{\"symbol\":\"XRP_USD\",\"condition\":\"above\",\"price\":45000}", ownerAuth);
        assertEquals(201, created.status(), created.body());
        String id = created.object().getString("id");
        assertEquals(400, new HttpJson(b).post("/trading/api/alerts", "{\"symbol\":\"XRP_USD\",\"condition\":\"sideways\",\"price\":1}", ownerAuth).status());

        try (WsClient mine = TradingSocketIT.withHeader(a, TestTokens.token(owner)); WsClient other = TradingSocketIT.withHeader(a, TestTokens.token("someone-else"))) {
            mine.next();
            other.next();
            TradingSocketIT.request(mine, "{'type':'subscribe','channel':'alerts'}");
            TradingSocketIT.request(other, "{'type':'subscribe','channel':'alerts'}");

            // below, then crossing on node A and again on node B at the same price: one alert
            assertEquals(202, new HttpJson(a).post("/trading/api/market/ticks", "{\"symbol\":\"XRP_USD\",\"price\":44000}", FEED).status());
            assertEquals(202, new HttpJson(a).post("/trading/api/market/ticks", "{\"symbol\":\"XRP_USD\",\"price\":45200}", FEED).status());
            assertEquals(202, new HttpJson(b).post("/trading/api/market/ticks", "{\"symbol\":\"XRP_USD\",\"price\":46000}", FEED).status());

            List<JsonObject> alerts = new ArrayList<>();
            Optional<JsonObject> m;
            while ((m = mine.poll(Duration.ofSeconds(alerts.isEmpty() ? 10 : 2))).isPresent()) {
                alerts.add(m.get());
            }
            assertEquals(1, alerts.size(), alerts::toString);
            JsonObject alert = alerts.get(0);
            assertEquals("price_alert", alert.getString("type"));
            assertEquals("alerts", alert.getString("channel"));
            assertEquals(id, alert.getJsonObject("data").getString("id"));
            assertEquals("above", alert.getJsonObject("data").getString("condition"));
            assertEquals(45000, alert.getJsonObject("data").getInt("price"));
            assertEquals(45200, alert.getJsonObject("data").getInt("currentPrice"));
            assertTrue(other.poll(Duration.ofMillis(300)).isEmpty(), "another user's alert never reaches this user");
        }
        JsonObject listed = new HttpJson(a).get("/trading/api/alerts", ownerAuth).json().asJsonArray().getJsonObject(0);
        assertEquals(true, listed.getBoolean("triggered"));
        assertEquals(404, new HttpJson(a).delete("/trading/api/alerts/" + id, Map.of("Authorization", "Bearer " + TestTokens.token("someone-else"))).status());
        assertEquals(204, new HttpJson(a).delete("/trading/api/alerts/" + id, ownerAuth).status());
    }
}
