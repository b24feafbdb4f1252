package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells the truth within seconds while the broker is gone, names the outbox backlog once
 * it is older than its limit, and events flow again after the broker returns.
 */
@LongRun
class BrokerOutageIT {

    private static HttpJson.Reply timedReady(HttpJson http) {
        Instant start = Instant.now();
        HttpJson.Reply ready = http.get("/health/ready");
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.toMillis() < 3000, "readiness answered in " + took.toMillis() + " ms");
        return ready;
    }

    @Test
    void readinessAnswers503NamingTheBrokerAtOnceAndRecovers() throws Exception {
        try (ExternalBroker broker = new ExternalBroker().start();
                HeraldNode node = HeraldNode.start("broker-outage",
                        Map.of("HERALD_BROKER_URL", broker.url(), "HERALD_HEALTH_OUTBOX_MAX_AGE_SECONDS", "2"))) {
            HttpJson http = new HttpJson(node);
            assertEquals(200, timedReady(http).status());

            broker.stop();
            HttpJson.Reply down = null;
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                down = timedReady(http);
                if (down.status() == 503) {
                    break;
                }
            }
            assertEquals(503, down.status(), down.body());
            assertTrue(down.body().contains("\"broker\":\"unreachable"), down.body());
            assertTrue(down.body().contains("\"database\":\"connected\""), down.body());
            assertEquals(503, timedReady(http).status(), "stays DOWN while the broker is gone");
            assertTrue(timedReady(http).body().contains("\"outbox\":\"ok: "));

            // a change committed now waits in the outbox; after 2 s readiness names it with its figures
            assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
            assertEquals(201, http.post("/commerce/api/customers", "{\"email\":\"waiting@example.com\"}").status());
            String degraded = "";
            deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline) && !degraded.contains("\"outbox\":\"degraded: ")) {
                degraded = timedReady(http).body();
                Thread.sleep(250);
            }
            assertTrue(degraded.matches(".*\"outbox\":\"degraded: [1-9][0-9]* unpublished, oldest [0-9]+ s.*"), degraded);
            assertTrue(degraded.contains("(limit 2 s)"), degraded);

            broker.start();
            HttpJson.Reply up = null;
            deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline)) {
                up = timedReady(http);
                if (up.status() == 200) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals(200, up.status(), up.body());
            assertTrue(up.body().contains("\"outbox\":\"ok: 0 unpublished\""), "the waiting change went out: " + up.body());

            try (WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
                ws.expectType("connected");
                ws.send("{\"type\":\"subscribe\",\"channel\":\"customer_changes\"}");
                ws.expectType("subscribed");
                assertEquals(201, http.post("/commerce/api/customers", "{\"email\":\"back@example.com\"}").status());
                assertEquals("customer:created", ws.next(Duration.ofSeconds(60)).getString("event"));
            }
        }
    }
}
