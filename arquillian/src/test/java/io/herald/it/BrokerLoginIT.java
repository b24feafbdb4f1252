package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A broker started with required login: the credentials from the environment reach both the MDB's
 * connections and the connection pool that sends, so readiness is UP and events flow.
 */
@LongRun
class BrokerLoginIT {

    @Test
    void credentialsFromTheEnvironmentServeSendingAndReceiving() throws Exception {
        try (ExternalBroker broker = ExternalBroker.withLogin("herald", "s3cret").start();
                HeraldNode node = HeraldNode.start("broker-login", Map.of(
                        "HERALD_BROKER_URL", broker.url(),
                        "HERALD_BROKER_USER", "herald",
                        "HERALD_BROKER_PASSWORD", "s3cret"))) {
            HttpJson http = new HttpJson(node);
            HttpJson.Reply ready = http.get("/health/ready");
            assertEquals(200, ready.status(), ready.body());
            assertTrue(ready.body().contains("\"broker\":\"connected\""), ready.body());

            assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
            try (WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
                ws.expectType("connected");
                ws.send("{\"type\":\"subscribe\",\"channel\":\"customer_changes\"}");
                ws.expectType("subscribed");
                HttpJson.Reply created = http.post("/commerce/api/customers", "{\"email\":\"login@example.com\"}");
                assertEquals(201, created.status(), created.body());

                assertEquals("customer:created", ws.next().getString("event"));
            }
            assertTrue(!node.logText().contains("AMQ229031"), "no login failures in the log");
        }
    }
}
