package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness tells the truth within seconds while the broker is gone, and events flow again after it returns. */
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
                HeraldNode node = HeraldNode.start("broker-outage", Map.of("HERALD_BROKER_URL", broker.url()))) {
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

            assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
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
