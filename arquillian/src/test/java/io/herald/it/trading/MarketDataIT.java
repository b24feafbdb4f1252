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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ticks posted on node A become market and candle events for {@code market:} subscribers on node B, and persisted candles. */
@ExtendWith(Cluster.class)
class MarketDataIT {

    private static final Map<String, String> FEED = Map.of("Authorization", "Bearer " + TestTokens.token("feed", "market.feed"));

    @Test
    void ticksBecomeMarketDataAndCandlesAcrossNodes() {
        HeraldNode a = Cluster.get().nodeA();
        HeraldNode b = Cluster.get().nodeB();
        // a minute of its own, in the past, so that no other test's tick shares its candles
        Instant minute = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3)).plusSeconds(60L * (System.nanoTime() % 50));
        try (WsClient ws = TradingSocketIT.withHeader(b, TestTokens.token("chartist")); WsClient eth = TradingSocketIT.withHeader(b, TestTokens.token("eth-only"))) {
            ws.next();
            eth.next();
            TradingSocketIT.request(ws, "{'type':'subscribe','channel':'market:SOL_USD'}");
            TradingSocketIT.request(eth, "{'type':'subscribe','channel':'market:ETH_USD'}");

            String ticks = "[{\"symbol\":\"SOL_USD\",\"price\":100.5,\"volume\":2,\"timestamp\":\"" + minute.plusSeconds(1) + "\"},"
                    + "{\"symbol\":\"SOL_USD\",\"price\":102,\"volume\":1,\"timestamp\":\"" + minute.plusSeconds(20) + "\"},"
                    + "{\"symbol\":\"SOL_USD\",\"price\":99,\"volume\":1.5,\"timestamp\":\"" + minute.plusSeconds(40) + "\"}]";
            HttpJson.Reply accepted = new HttpJson(a).post("/trading/api/market/ticks", ticks, FEED);
            assertEquals(202, accepted.status(), accepted.body());
            assertEquals(3, accepted.object().getInt("accepted"));

            List<JsonObject> received = new ArrayList<>();
            Optional<JsonObject> m;
            while ((m = ws.poll(Duration.ofSeconds(received.isEmpty() ? 10 : 1))).isPresent()) {
                received.add(m.get());
            }
            List<JsonObject> market = received.stream().filter(x -> x.getString("type").equals("market_data_update")).toList();
            List<JsonObject> candles = received.stream().filter(x -> x.getString("type").equals("historical_data_update")).toList();
            assertEquals(3, market.size(), received::toString);
            assertEquals(9, candles.size(), "one per tick and timeframe");
            JsonObject last = market.get(2);
            assertEquals("market_data", last.getString("channel"));
            JsonObject data = last.getJsonObject("data");
            assertEquals("SOL_USD", data.getString("symbol"));
            assertEquals(99, data.getJsonNumber("price").intValue());
            assertEquals(-1.5, data.getJsonNumber("change").doubleValue());
            assertEquals(-1.49, data.getJsonNumber("changePercent").doubleValue());
            assertEquals(4.5, data.getJsonNumber("volume").doubleValue());
            assertEquals(102, data.getJsonNumber("high24h").intValue());
            assertEquals(99, data.getJsonNumber("low24h").intValue());
            JsonObject lastCandle = candles.get(candles.size() - 1);
            assertEquals("historical_data", lastCandle.getString("channel"));
            assertEquals("1h", lastCandle.getJsonObject("data").getString("timeframe"));
            assertTrue(eth.poll(Duration.ofMillis(300)).isEmpty(), "ETH subscribers get nothing of SOL");

            HttpJson.Reply series = new HttpJson(b).get("/trading/api/market/candles?symbol=SOL_USD&timeframe=1m&limit=1000",
                    Map.of("Authorization", "Bearer " + TestTokens.token("reader")));
            assertEquals(200, series.status(), series.body());
            JsonObject candle = series.object().getJsonArray("candles").stream().map(v -> v.asJsonObject())
                    .filter(c -> c.getJsonNumber("time").longValue() == minute.getEpochSecond()).findFirst().orElseThrow();
            assertEquals("{\"time\":" + minute.getEpochSecond() + ",\"open\":100.5,\"high\":102,\"low\":99,\"close\":99,\"volume\":4.5}", candle.toString());
        }
        HttpJson http = new HttpJson(a);
        assertEquals(403, http.post("/trading/api/market/ticks", "{\"symbol\":\"BTC_USD\",\"price\":1}", Map.of("Authorization", "Bearer " + TestTokens.token("x"))).status());
        assertEquals(400, http.post("/trading/api/market/ticks", "{\"symbol\":\"DOGE_USD\",\"price\":1}", FEED).status());
        assertEquals(400, http.post("/trading/api/market/ticks", "{\"symbol\":\"BTC_USD\",\"price\":-1}", FEED).status());
    }
}
