package io.herald.it.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.JsonObjects;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Document 004's own client, {@code AxisorWebSocketClient} (src/test/node, the document's class
 * line for line in JavaScript), run by Node.js with its browser-compatible WebSocket against node
 * A: it connects, authenticates by message, subscribes to {@code market:BTC_USD},
 * {@code margin_guard} and {@code positions} as the document's usage examples do, and receives
 * their events for ticks and a position posted over REST.
 */
@ExtendWith(Cluster.class)
class AxisorClientIT {

    private static final Map<String, String> FEED = Map.of("Authorization", "Bearer " + TestTokens.token("feed", "market.feed"));
    private static final Path SCRIPTS = Path.of("src", "test", "node");

    @Test
    void theDocumentsClientReceivesMarketPositionAndGuardEvents() throws Exception {
        HeraldNode a = Cluster.get().nodeA();
        String user = "axisor-" + System.nanoTime();
        assertTrue(Files.isRegularFile(SCRIPTS.resolve("axisor-usage.js")), "run from the arquillian module");
        Process node = new ProcessBuilder("node", "--experimental-websocket", "axisor-usage.js", a.ws("/trading/ws").toString(), TestTokens.token(user))
                .directory(SCRIPTS.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("{\"type\":\"reader-failed\"}");
            }
        }, "axisor-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonObject ready = next(lines, "subscribed", new ArrayList<>());
            assertEquals("authenticated", ready.getString("state"));

            Map<String, String> auth = Map.of("Authorization", "Bearer " + TestTokens.token(user));
            HttpJson.Reply opened = new HttpJson(a).post("/trading/api/positions",
                    "{\"symbol\":\"BTC_USD\",\"side\":\"long\",\"size\":1000,\"entryPrice\":50000,\"margin\":100,\"leverage\":10}", auth);
            assertEquals(201, opened.status(), opened.body());
            // 0.98 of the margin left, 0.8 (at risk), 0.2 (closed by the guard)
            for (String price : List.of("49900", "49000", "46000")) {
                HttpJson.Reply r = new HttpJson(a).post("/trading/api/market/ticks", "{\"symbol\":\"BTC_USD\",\"price\":" + price + "}", FEED);
                assertEquals(202, r.status(), r.body());
            }

            List<JsonObject> seen = new ArrayList<>();
            JsonObject close = next(lines, "auto_close_execution", seen);
            assertEquals(opened.object().getString("id"), close.getJsonObject("data").getJsonObject("position").getString("id"));
            next(lines, "margin_guard_execution", seen);
            List<String> types = seen.stream().map(m -> m.getString("type")).toList();
            assertEquals(3, types.stream().filter("market_data_update"::equals).count(), types::toString);
            assertEquals(9, types.stream().filter("historical_data_update"::equals).count(), types::toString);
            assertEquals(4, types.stream().filter("position_status_update"::equals).count(), types::toString);
            assertEquals(2, types.stream().filter("margin_guard_execution"::equals).count(), types::toString);
            JsonObject price = seen.stream().filter(m -> m.getString("type").equals("market_data_update")).findFirst().orElseThrow();
            assertEquals("market_data", price.getString("channel"));
            assertEquals(49900, price.getJsonObject("data").getInt("price"));
            assertTrue(node.isAlive(), "the client is still connected");
        } finally {
            node.destroy();
            node.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Lines until one of {@code type}, collecting the messages on the way. */
    private static JsonObject next(BlockingQueue<String> lines, String type, List<JsonObject> seen) throws InterruptedException {
        long until = System.nanoTime() + WsClient.WAIT.toNanos();
        while (System.nanoTime() < until) {
            String line = lines.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (!line.startsWith("{")) {
                continue; // the document's client logs to stdout too ("Reconnecting…")
            }
            JsonObject message = JsonObjects.of(line);
            seen.add(message);
            if (message.getString("type").equals(type)) {
                return message;
            }
        }
        assertNotNull(null, "no " + type + " from the document's client; got " + seen);
        return null;
    }
}
