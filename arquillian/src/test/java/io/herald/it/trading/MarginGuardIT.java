package io.herald.it.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Positions opened over REST are revalued by ticks posted to either node; the margin guard acts
 * once in the cluster per transition (ticks posted to both nodes at the same moment), only for the
 * owner, whose sockets on both nodes receive the same events.
 */
@ExtendWith(Cluster.class)
class MarginGuardIT {

    private static final Map<String, String> FEED = Map.of("Authorization", "Bearer " + TestTokens.token("feed", "market.feed"));
    private static final String SYMBOL = "ADA_USD";

    private static void tick(HeraldNode node, String price) {
        HttpJson.Reply r = new HttpJson(node).post("/trading/api/market/ticks", "{\"symbol\":\"" + SYMBOL + "\",\"price\":" + price + "}", FEED);
        assertEquals(202, r.status(), r.body());
    }

    /** Posts a tick to each node at the same moment. */
    private static void ticksAtOnce(HeraldNode a, String priceA, HeraldNode b, String priceB) {
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> tick(a, priceA)), CompletableFuture.runAsync(() -> tick(b, priceB))).join();
    }

    /** Every message until {@code last} arrived and then none for a while. */
    private static List<JsonObject> receiveUntil(WsClient ws, String last) {
        List<JsonObject> got = new ArrayList<>();
        boolean seen = false;
        Optional<JsonObject> m;
        while ((m = ws.poll(seen ? Duration.ofMillis(1500) : WsClient.WAIT)).isPresent()) {
            got.add(m.get());
            seen |= m.get().getString("type").equals(last);
        }
        assertTrue(seen, () -> "no " + last + " in " + got);
        return got;
    }

    private static List<JsonObject> ofType(List<JsonObject> messages, String type) {
        return messages.stream().filter(m -> m.getString("type").equals(type)).toList();
    }

    private static WsClient subscribed(HeraldNode node, String user) {
        WsClient ws = TradingSocketIT.withHeader(node, TestTokens.token(user));
        ws.expectType("connection");
        for (String channel : List.of("positions", "margin_guard", "notifications")) {
            assertEquals("subscribed", TradingSocketIT.request(ws, "{'type':'subscribe','channel':'" + channel + "'}").getString("status"));
        }
        return ws;
    }

    @Test
    void theGuardWarnsThenClosesOnceInTheClusterForTheOwnerOnly() {
        HeraldNode a = Cluster.get().nodeA();
        HeraldNode b = Cluster.get().nodeB();
        String owner = "trader-" + System.nanoTime();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + TestTokens.token(owner));
        tick(a, "1");

        try (WsClient onA = subscribed(a, owner); WsClient onB = subscribed(b, owner); WsClient stranger = subscribed(a, "stranger-" + System.nanoTime());
                WsClient admin = TradingSocketIT.withHeader(b, TestTokens.token("risk-desk-" + System.nanoTime(), "admin"))) {
            admin.expectType("connection");
            HttpJson.Reply opened = new HttpJson(b).post("/trading/api/positions",
                    "{\"symbol\":\"ADA_USD\",\"side\":\"long\",\"size\":1000,\"entryPrice\":1,\"margin\":100,\"leverage\":10}", auth);
            assertEquals(201, opened.status(), opened.body());
            String id = opened.object().getString("id");
            assertEquals("open", opened.object().getString("status"));
            assertEquals(0, new BigDecimal("0.9").compareTo(opened.object().getJsonNumber("liquidationPrice").bigDecimalValue()));

            tick(a, "0.995"); // 0.95 of the margin left: safe
            ticksAtOnce(a, "0.985", b, "0.984"); // 0.85 and 0.84: at risk, one warning
            tick(b, "0.97"); // still at risk: nothing more from the guard
            ticksAtOnce(a, "0.92", b, "0.91"); // 0.2 and 0.1: closed once

            for (WsClient ws : List.of(onA, onB)) {
                List<JsonObject> got = receiveUntil(ws, "margin_guard_execution");
                List<JsonObject> guard = ofType(got, "margin_guard_execution");
                List<JsonObject> closes = ofType(got, "auto_close_execution");
                List<JsonObject> notes = ofType(got, "in_app_notification");
                assertEquals(2, guard.size(), got::toString);
                assertEquals(1, closes.size(), got::toString);
                assertEquals(2, notes.size(), got::toString);
                assertEquals(2, ofType(got, "notification_status_update").size(), got::toString);

                JsonObject warning = guard.get(0).getJsonObject("data");
                assertEquals("margin_guard", guard.get(0).getString("channel"));
                assertEquals(owner, warning.getString("userId"));
                assertEquals("notification_sent", warning.getString("action"));
                JsonObject atRisk = warning.getJsonArray("positions").getJsonObject(0);
                assertEquals(id, atRisk.getString("id"));
                assertTrue(atRisk.getBoolean("isAtRisk"));
                assertEquals("close_position", atRisk.getString("recommendedAction"));
                assertEquals(1, warning.getJsonObject("summary").getInt("positionsChecked"));
                assertEquals(1, warning.getJsonObject("summary").getInt("positionsAtRisk"));
                assertEquals("notification_sent", warning.getJsonObject("summary").getJsonArray("actionsExecuted").getString(0));

                assertEquals("auto_close", guard.get(1).getJsonObject("data").getString("action"));
                JsonObject closed = closes.get(0).getJsonObject("data").getJsonObject("position");
                assertEquals("margin_guard", closes.get(0).getString("channel"));
                assertEquals(id, closed.getString("id"));
                assertEquals("margin_guard_auto_close", closed.getString("reason"));
                assertTrue(closed.getJsonNumber("pnl").bigDecimalValue().signum() < 0);

                assertEquals("Margin Guard Alert", notes.get(0).getJsonObject("data").getString("title"));
                assertEquals("margin_guard", notes.get(0).getJsonObject("data").getString("category"));
                assertEquals(id, notes.get(0).getJsonObject("data").getJsonObject("data").getString("positionId"));
                assertEquals("Position Closed", notes.get(1).getJsonObject("data").getString("title"));

                List<JsonObject> updates = ofType(got, "position_status_update");
                assertTrue(updates.size() >= 4, got::toString); // open, 0.995, one or both of each pair, 0.97
                assertEquals("positions", updates.get(0).getString("channel"));
                JsonObject first = updates.get(0).getJsonObject("data").getJsonObject("position");
                assertEquals(1, first.getInt("distanceToLiquidation"));
                assertEquals(false, first.getBoolean("isAtRisk"));
                JsonObject safe = updates.get(1).getJsonObject("data").getJsonObject("position");
                assertEquals(0, new BigDecimal("0.995").compareTo(safe.getJsonNumber("currentPrice").bigDecimalValue()));
                assertEquals(0, new BigDecimal("-5").compareTo(safe.getJsonNumber("pnl").bigDecimalValue()));
                assertEquals(0, new BigDecimal("0.95").compareTo(safe.getJsonNumber("distanceToLiquidation").bigDecimalValue()));
                JsonObject last = updates.get(updates.size() - 1).getJsonObject("data").getJsonObject("position");
                assertEquals("closed", last.getString("status"));
                assertEquals("margin_guard_auto_close", last.getString("closeReason"));
            }
            assertTrue(stranger.poll(Duration.ofMillis(300)).isEmpty(), "another user's positions never reach this user");

            // an admin (admin:1, joined on authentication) gets every user's executions, and nothing else of theirs
            List<JsonObject> administrative = receiveUntil(admin, "margin_guard_execution");
            assertEquals(List.of("margin_guard_execution", "auto_close_execution", "margin_guard_execution"),
                    administrative.stream().map(m -> m.getString("type")).toList(), administrative::toString);
            for (JsonObject m : administrative) {
                assertEquals("margin_guard", m.getString("channel"));
                assertEquals(owner, m.getJsonObject("data").getString("userId"));
            }

            // REST: the owner sees it closed; nobody else sees it; it cannot be closed twice
            JsonObject listed = new HttpJson(a).get("/trading/api/positions", auth).json().asJsonArray().getJsonObject(0);
            assertEquals(id, listed.getString("id"));
            assertEquals("closed", listed.getString("status"));
            assertEquals(409, new HttpJson(a).post("/trading/api/positions/" + id + "/close", "", auth).status());
            assertEquals(404, new HttpJson(a).get("/trading/api/positions/" + id,
                    Map.of("Authorization", "Bearer " + TestTokens.token("someone-else"))).status());
            assertEquals(0, new HttpJson(a).get("/trading/api/positions?status=open", auth).json().asJsonArray().size());
            JsonArray notes = new HttpJson(b).get("/trading/api/notifications", auth).json().asJsonArray();
            assertEquals(2, notes.size(), notes::toString);
        }
    }

    @Test
    void theOwnerOpensAtTheLastPriceAndClosesAShortPosition() {
        HeraldNode a = Cluster.get().nodeA();
        String owner = "closer-" + System.nanoTime();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + TestTokens.token(owner));
        tick(a, "2");
        try (WsClient ws = subscribed(a, owner)) {
            HttpJson.Reply opened = new HttpJson(a).post("/trading/api/positions",
                    "{\"symbol\":\"ADA_USD\",\"side\":\"short\",\"size\":500,\"margin\":100,\"leverage\":5}", auth);
            assertEquals(201, opened.status(), opened.body());
            String id = opened.object().getString("id");
            assertEquals(2, opened.object().getInt("entryPrice"), "the last tick's price");
            tick(a, "1.9");
            HttpJson.Reply closed = new HttpJson(a).post("/trading/api/positions/" + id + "/close", "", auth);
            assertEquals(200, closed.status(), closed.body());
            assertEquals("user_close", closed.object().getString("closeReason"));
            assertEquals(25, closed.object().getInt("pnl"));

            List<JsonObject> updates = List.of(ws.expectType("position_status_update"), ws.expectType("position_status_update"), ws.expectType("position_status_update"));
            assertEquals("closed", updates.get(2).getJsonObject("data").getJsonObject("position").getString("status"));
            assertEquals(0, new BigDecimal("1.25").compareTo(updates.get(1).getJsonObject("data").getJsonObject("position")
                    .getJsonNumber("distanceToLiquidation").bigDecimalValue()));
        }
        for (String bad : List.of("{\"symbol\":\"ADA_USD\",\"side\":\"long\",\"size\":1001,\"margin\":100,\"leverage\":10}",
                "{\"symbol\":\"DOGE_USD\",\"side\":\"long\",\"size\":10,\"margin\":10,\"leverage\":1}",
                "{\"symbol\":\"ADA_USD\",\"side\":\"up\",\"size\":10,\"margin\":10,\"leverage\":1}",
                "{\"symbol\":\"ADA_USD\",\"side\":\"long\",\"size\":10,\"margin\":10,\"leverage\":0}",
                "{\"symbol\":\"ADA_USD\",\"side\":\"long\",\"size\":-1,\"margin\":10,\"leverage\":1}",
                "{\"symbol\":\"ADA_USD\",\"side\":\"long\",\"size\":10,\"margin\":10,\"leverage\":1,\"stopLoss\":1}")) {
            HttpJson.Reply r = new HttpJson(a).post("/trading/api/positions", bad, auth);
            assertEquals(400, r.status(), bad + " → " + r.body());
            assertEquals("error", r.object().getString("type"), r.body());
        }
        assertEquals(401, new HttpJson(a).post("/trading/api/positions", "{}", Map.of()).status());
    }
}
