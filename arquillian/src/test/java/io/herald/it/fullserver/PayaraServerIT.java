package io.herald.it.fullserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.ExternalBroker;
import io.herald.it.HttpJson;
import io.herald.it.PublishFromApplicationIT;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import io.herald.it.orders.OrdersClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EAR on Payara Server, configured only by {@code server-config/src/main/payara/herald-resources.sh}
 * as the README says: a domain of its own, PostgreSQL, an external Artemis broker. The script runs
 * twice (the second run finds everything and redeploys); then a smoke test of every deployed API
 * and readiness. Runs in the {@code full-servers} profile ({@code .ci/run} enables it).
 */
class PayaraServerIT {

    @Test
    void theEarDeploysByTheScriptAndEveryApiAnswers() throws Exception {
        String pg = System.getenv("HERALD_IT_FULL_PG_URL");
        assertNotNull(pg, "HERALD_IT_FULL_PG_URL: an empty PostgreSQL database for the full servers (.ci/run creates one)");
        try (Connection db = DriverManager.getConnection(pg, System.getenv("HERALD_IT_PG_USER"), System.getenv("HERALD_IT_PG_PASSWORD"));
                var s = db.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        Path script = Path.of(System.getProperty("herald.payara.script", "../server-config/src/main/payara/herald-resources.sh")).toAbsolutePath();
        try (ExternalBroker broker = new ExternalBroker().start(); PayaraServer server = PayaraServer.start()) {
            URI brokerUri = URI.create(broker.url());
            Map<String, String> env = new HashMap<>();
            env.put("HERALD_DB_URL", pg);
            env.put("HERALD_DB_USER", System.getenv("HERALD_IT_PG_USER"));
            env.put("HERALD_DB_PASSWORD", System.getenv("HERALD_IT_PG_PASSWORD"));
            env.put("HERALD_BROKER_HOST", brokerUri.getHost());
            env.put("HERALD_BROKER_PORT", String.valueOf(brokerUri.getPort()));
            env.put("HERALD_JWT_KEY_LOCATION", TestTokens.publicKeyFile().toString());
            env.put("HERALD_JWT_ISSUER", TestTokens.ISSUER);
            env.put("HERALD_ORDERS_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
            env.put("HERALD_EAR", Path.of(System.getProperty("herald.ear", "../ear/target/herald.ear")).toAbsolutePath().toString());
            env.put("HERALD_RAR", Path.of("../server-config/artemis-ra/target/artemis-ra.rar").toAbsolutePath().toString());

            assertEquals(0, server.run(script, env), () -> "the script failed; see target/it-logs/payara-server.log");
            assertEquals(0, server.run(script, env), "the second run finds everything and redeploys");
            String output = server.logText();
            assertTrue(output.contains("connector pool herald-jms-pool") && output.contains("present"), output);

            HttpJson http = new HttpJson(server);
            HttpJson.Reply ready = http.get("/health/ready");
            assertEquals(200, ready.status(), ready.body());

            // commerce: login, a subscriber, a change over REST
            try (WsClient commerce = PublishFromApplicationIT.commerceSubscriber(server)) {
                HttpJson admin = new HttpJson(server);
                assertEquals(200, admin.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
                HttpJson.Reply changed = admin.patch("/commerce/api/orders/1", "{\"status\":\"processing\"}");
                assertEquals(200, changed.status(), changed.body());
                JsonObject event = commerce.expectEvent("order:updated");
                assertEquals("processing", event.getJsonObject("data").getJsonObject("changed_fields").getString("status"));
            }

            // inventory: a notification for alice, on her socket opened with a JWT of the configured key
            try (WsClient inventory = WsClient.connect(server.ws("/inventory/api/ws/notification?access_token=" + TestTokens.token("alice")))) {
                HttpJson.Reply created = http.post("/inventory/api/notifications",
                        "{\"user_id\":\"alice\",\"type\":\"info\",\"message\":\"from Payara Server\"}",
                        Map.of("Authorization", "Bearer " + TestTokens.token("admin", "admin")));
                assertEquals(201, created.status(), created.body());
                JsonObject note;
                do {
                    note = inventory.next();
                } while (!"from Payara Server".equals(note.getString("message", "")));
            }

            // orders: connect with the demo key's signature, subscribe to the organization, change an order
            try (WsClient orders = WsClient.connect(server.ws("/orders/ws"))) {
                orders.send(OrdersClient.connect(OrdersClient.ACME_KEY, OrdersClient.signatureNow(OrdersClient.ACME_KEY, OrdersClient.ACME_SECRET)));
                assertEquals("connected", orders.next().getString("type"));
                orders.send(OrdersClient.SUBSCRIBE_ORGANIZATION);
                assertEquals("subscription", orders.next().getString("type"));
                JsonObject order = OrdersClient.createOrder(server, OrdersClient.ACME_KEY, "payara-" + System.nanoTime());
                OrdersClient.changeStatus(server, OrdersClient.ACME_KEY, order.getString("id"), "processing");
                JsonObject event;
                do {
                    event = orders.next();
                } while (!"processing".equals(event.getJsonObject("data").getString("status", "")));
                assertEquals(order.getString("id"), event.getJsonObject("data").getString("order_id"));
            }
            assertTrue(Files.readString(server.serverLog()).contains("Schema migrated at version 1 (postgresql)"), "Flyway created the schema");
        }
    }
}
