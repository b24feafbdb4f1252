package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JSON nested deeper than the parser allows gets each product's error shape, on every socket and on
 * REST, the connection stays usable, and the log stays quiet.
 */
@ExtendWith(Cluster.class)
class HostileInputIT {

    /** 10 KB: under the 64 KiB frame limit, ten times deeper than the parser's limit. */
    private static final String NESTED = "[".repeat(5000) + "]".repeat(5000);

    private static long logLines(HeraldNode node) throws Exception {
        return node.logText().lines().count();
    }

    @Test
    void restAnswers400JsonAndLogsAtMostOneLine() throws Exception {
        HeraldNode node = Cluster.get().nodeA();
        long before = logLines(node);

        HttpJson.Reply login = new HttpJson(node).post("/commerce/api/auth/login", NESTED);
        HttpJson.Reply published = new HttpJson(node).post("/api/events", "{\"data\":" + NESTED + "}",
                Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin")));

        assertEquals(400, login.status(), login.body());
        assertEquals("error", login.object().getString("type"));
        assertEquals("Malformed JSON", login.object().getString("message"));
        assertEquals(400, published.status(), published.body());
        assertEquals("Malformed JSON", published.object().getString("message"));
        assertTrue(logLines(node) - before <= 2, "at most one log line per request");
    }

    @Test
    void everySocketAnswersItsErrorAndKeepsTheConnection() throws Exception {
        HeraldNode node = Cluster.get().nodeA();
        long before = logLines(node);
        Sockets sockets = Sockets.open(node);
        try (WsClient commerce = sockets.commerce(); WsClient inventory = sockets.inventory(); WsClient orders = sockets.orders()) {

            commerce.send(NESTED);
            inventory.send(NESTED);
            orders.send(NESTED);

            assertEquals(JsonObjects.of("{\"type\":\"error\",\"message\":\"Invalid JSON\"}"), commerce.next());
            JsonObject inventoryError = inventory.next();
            assertEquals("error", inventoryError.getString("type"));
            assertEquals("Invalid JSON", inventoryError.getString("message"));
            assertEquals(JsonObjects.of("{\"type\":\"error\",\"data\":{\"message\":\"invalid JSON\"}}"), orders.next());

            commerce.send("{\"type\":\"ping\"}");
            assertEquals("pong", commerce.next().getString("type"));
            orders.send("{\"type\":\"ping\"}");
            assertEquals("pong", orders.next().getString("type"));
        }
        assertTrue(logLines(node) - before <= 3, "no stack traces in the log");
    }

    @Test
    void binaryFramesGetEachProductsErrorAndGarbageGetsAtMostTwentyAnswersPerTenSeconds() throws Exception {
        HeraldNode node = Cluster.get().nodeA();
        Sockets sockets = Sockets.open(node);
        try (WsClient commerce = sockets.commerce(); WsClient inventory = sockets.inventory(); WsClient orders = sockets.orders()) {

            commerce.sendBinary(new byte[] {1, 2, 3});
            inventory.sendBinary(new byte[] {1, 2, 3});
            orders.sendBinary(new byte[] {1, 2, 3});

            assertEquals(JsonObjects.of("{\"type\":\"error\",\"message\":\"Binary messages are not supported\"}"), commerce.next());
            assertEquals("Binary messages are not supported", inventory.next().getString("message"));
            assertEquals(JsonObjects.of("{\"type\":\"error\",\"data\":{\"message\":\"Binary messages are not supported\"}}"), orders.next());

            for (int i = 0; i < 100; i++) {
                commerce.send("garbage");
                orders.send("garbage");
            }
            commerce.send("{\"type\":\"ping\"}");
            orders.send("{\"type\":\"ping\"}");
            assertEquals(19, countErrorsUntilPong(commerce), "20 error answers per 10 s, the binary frame's included");
            assertEquals(19, countErrorsUntilPong(orders), "20 error answers per 10 s, the binary frame's included");
        }
    }

    /** Reads until the pong; the errors before it. */
    private static int countErrorsUntilPong(WsClient ws) {
        int errors = 0;
        while (true) {
            JsonObject message = ws.next();
            if (message.getString("type").equals("pong")) {
                return errors;
            }
            assertEquals("error", message.getString("type"));
            errors++;
        }
    }

    @Test
    void thePointOfSaleSocketAnswersItsErrorsWithinTheBudget() throws Exception {
        HeraldNode node = Cluster.get().nodeA();
        long before = logLines(node);
        try (WsClient pos = WsClient.connect(node.ws("/pos/v1/ws"), Map.of("Authorization", "Bearer " + TestTokens.token("hostile-pos", "admin")))) {
            pos.send(NESTED);
            assertEquals(JsonObjects.of("{\"type\":\"error\",\"code\":\"invalid_message\",\"message\":\"Invalid JSON\"}"), pos.next());
            pos.sendBinary(new byte[] {1, 2, 3});
            assertEquals("Binary messages are not supported", pos.next().getString("message"));
            for (int i = 0; i < 100; i++) {
                pos.send("garbage " + i);
            }
            int errors = 2;
            while (pos.poll(java.time.Duration.ofSeconds(1)).isPresent()) {
                errors++;
            }
            assertEquals(20, errors, "20 error replies per 10 s");
        }
        assertTrue(logLines(node) - before <= 3, "no stack traces in the log");
    }

    @Test
    void theTradingSocketAnswersItsErrorsAndClosesOversizedFramesWith1009() throws Exception {
        HeraldNode node = Cluster.get().nodeA();
        long before = logLines(node);
        try (WsClient trading = WsClient.connect(node.ws("/trading/ws"), Map.of("Authorization", "Bearer " + TestTokens.token("hostile-trader")))) {
            assertEquals("connection", trading.next().getString("type"));
            trading.send(NESTED);
            JsonObject nested = trading.next();
            assertEquals("error", nested.getString("type"));
            assertEquals("INVALID_MESSAGE", nested.getString("code"));
            trading.sendBinary(new byte[] {1, 2, 3});
            assertEquals("INVALID_MESSAGE", trading.next().getString("code"));
            trading.send("{\"type\":\"subscribe\",\"channel\":{\"nested\":true}}");
            assertEquals("INVALID_ROOM", trading.next().getString("code"));
            trading.send("{\"type\":\"ping\"}");
            assertEquals("pong", trading.next().getString("type"));
            trading.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, trading.awaitClose().code());
        }
        assertTrue(logLines(node) - before <= 3, "no stack traces in the log");
    }

    @Test
    void tokensOfSixteenKilobytesAreReadInAHeaderAndInTheQuery() {
        HeraldNode node = Cluster.get().nodeA();
        String padding = "x".repeat(11_000);
        String admin = TestTokens.withClaims(TestTokens.claims("publisher", TestTokens.ISSUER, java.time.Duration.ofHours(1), "admin")
                .add("padding", padding).build());
        String stranger = TestTokens.withClaims(TestTokens.claims("big-" + System.nanoTime(), TestTokens.ISSUER, java.time.Duration.ofHours(1))
                .add("padding", padding).build());
        assertTrue(admin.length() > 15_000 && admin.length() <= 16 * 1024, "token of " + admin.length() + " characters");
        String tooLong = TestTokens.withClaims(TestTokens.claims("publisher", TestTokens.ISSUER, java.time.Duration.ofHours(1), "admin")
                .add("padding", padding + padding).build());

        HttpJson.Reply published = new HttpJson(node).post("/api/events",
                "{\"product\":\"commerce\",\"type\":\"t\",\"routing_keys\":[\"commerce:big\"],\"data\":{},\"durable\":false}",
                Map.of("Authorization", "Bearer " + admin));
        HttpJson.Reply forged = new HttpJson(node).post("/api/events", "{}", Map.of("Authorization", "Bearer " + admin.substring(0, admin.length() - 4) + "AAAA"));

        HttpJson.Reply refused = new HttpJson(node).post("/api/events", "{}", Map.of("Authorization", "Bearer " + tooLong));
        assertEquals(202, published.status(), published.body());
        assertEquals(401, forged.status());
        assertEquals(401, refused.status(), refused.body());
        assertEquals("error", refused.object().getString("type"));
        try (WsClient inventory = WsClient.connect(node.ws("/inventory/api/ws/notification?access_token=" + stranger))) {
            inventory.expectType("CONNECTION_ESTABLISHED");
        }
    }

    /** One open socket of each product on a node, each past its greeting. */
    private record Sockets(WsClient commerce, WsClient inventory, WsClient orders) {

        static Sockets open(HeraldNode node) {
            HttpJson http = new HttpJson(node);
            assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
            WsClient commerce = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()));
            WsClient inventory = WsClient.connect(node.ws("/inventory/api/ws/notification?access_token=" + TestTokens.token("hostile-" + System.nanoTime())));
            WsClient orders = WsClient.connect(node.ws("/orders/ws"));
            commerce.expectType("connected");
            inventory.expectType("CONNECTION_ESTABLISHED");
            return new Sockets(commerce, inventory, orders);
        }
    }
}
