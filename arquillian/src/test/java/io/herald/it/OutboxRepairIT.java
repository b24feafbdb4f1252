package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change committed while the broker is down is not lost: the event stays unpublished in the
 * event log and the outbox repair publishes it once the broker is back.
 */
@LongRun
class OutboxRepairIT {

    @Test
    void anEventCommittedDuringABrokerOutageIsDeliveredAfterTheBrokerReturns() throws Exception {
        try (ExternalBroker broker = new ExternalBroker().start(); SharedDatabase db = SharedDatabase.startH2()) {
            Map<String, String> env = new HashMap<>(db.environment());
            env.put("HERALD_BROKER_URL", broker.url());
            env.put("HERALD_OUTBOX_REPAIR_AFTER_MS", "1000");
            try (HeraldNode node = HeraldNode.start("outbox-repair", env)) {
                HttpJson http = new HttpJson(node);
                assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
                try (WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
                    assertEquals("connected", ws.next().getString("type"));
                    ws.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
                    assertEquals("subscribed", ws.next().getString("type"));

                    broker.stop();
                    HttpJson.Reply created = http.post("/commerce/api/orders", "{\"total\":42}");
                    assertEquals(201, created.status(), created.body());
                    broker.start();

                    JsonObject event = ws.next(Duration.ofSeconds(90));
                    assertEquals("order:created", event.getString("event"));
                    assertEquals(created.object(), event.getJsonObject("data"));
                }
            }
        }
    }
}
