package io.herald.it.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HttpJson;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Authentication, keep-alive, bad input and limits on /commerce/ws and the commerce REST API. */
@ExtendWith(Cluster.class)
class CommerceProtocolIT {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject error(String message) {
        return Json.createObjectBuilder().add("type", "error").add("message", message).build();
    }

    @Test
    void connectingConfirmsWithTheUserId() {
        CommerceClient admin = CommerceClient.loggedIn(Cluster.get().nodeA());
        long userId = admin.http.get("/commerce/api/auth/me").object().getJsonNumber("id").longValue();
        try (WsClient ws = WsClient.connect(Cluster.get().nodeA().ws("/commerce/ws"), Map.of("Cookie", admin.http.cookieHeader()))) {
            assertEquals(json("{\"type\":\"connected\",\"message\":\"WebSocket connection established\",\"userId\":" + userId + "}"), ws.next());
        }
    }

    @Test
    void withoutASessionTheSocketIsClosedWithPolicyViolation() {
        try (WsClient ws = WsClient.connect(Cluster.get().nodeA().ws("/commerce/ws"))) {
            assertEquals(1008, ws.awaitClose().code());
        }
        try (WsClient ws = WsClient.connect(Cluster.get().nodeA().ws("/commerce/ws"), Map.of("Cookie", "JSESSIONID=forged"))) {
            assertEquals(1008, ws.awaitClose().code());
        }
    }

    @Test
    void logoutClosesThatSessionsSocketsOnly() {
        CommerceClient leaving = CommerceClient.loggedIn(Cluster.get().nodeA());
        CommerceClient staying = CommerceClient.loggedIn(Cluster.get().nodeA());
        try (WsClient first = leaving.socket(); WsClient second = leaving.socket(); WsClient other = staying.socket()) {
            assertEquals(204, leaving.http.post("/commerce/api/auth/logout", "").status());
            assertEquals(1008, first.awaitClose().code());
            assertEquals(1008, second.awaitClose().code());
            assertEquals(401, leaving.http.get("/commerce/api/orders").status());
            other.send("{\"type\":\"ping\"}");
            assertEquals(json("{\"type\":\"pong\"}"), other.next());
        }
    }

    @Test
    void badMessagesGetErrorsAndTheConnectionKeepsWorking() {
        CommerceClient admin = CommerceClient.loggedIn(Cluster.get().nodeA());
        try (WsClient ws = admin.socket()) {
            ws.send("{\"type\":\"ping\"}");
            assertEquals(json("{\"type\":\"pong\"}"), ws.next());
            ws.send("this is not json");
            assertEquals(error("Invalid JSON"), ws.next());
            ws.send("[1,2,3]");
            assertEquals(error("Message must be a JSON object"), ws.next());
            ws.send("{\"channel\":\"order_changes\"}");
            assertEquals(error("Missing message type"), ws.next());
            ws.send("{\"type\":\"dance\"}");
            assertEquals(error("Unknown message type: dance"), ws.next());
            ws.send("{\"type\":\"subscribe\",\"channel\":\"cake_changes\"}");
            assertEquals(error("Unknown channel: cake_changes"), ws.next());
            ws.send("{\"type\":\"subscribe\"}");
            assertEquals(error("Missing channel"), ws.next());
            ws.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
            assertEquals(json("{\"type\":\"subscribed\",\"channel\":\"order_changes\"}"), ws.next());
            JsonObject order = admin.create("orders", "{\"total\":4}");
            JsonObject event = ws.next();
            assertEquals("order:created", event.getString("event"));
            assertEquals(order, event.getJsonObject("data"));
        }
    }

    @Test
    void anOversizedFrameClosesWith1009() {
        CommerceClient admin = CommerceClient.loggedIn(Cluster.get().nodeA());
        try (WsClient ws = admin.socket()) {
            ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, ws.awaitClose().code());
        }
    }

    @Test
    void loginRejectsWrongCredentialsWithJson() {
        HttpJson anonymous = new HttpJson(Cluster.get().nodeA());
        HttpJson.Reply wrong = anonymous.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"nope\"}");
        assertEquals(401, wrong.status());
        assertEquals(error("Invalid email or password"), wrong.object());
        assertEquals(401, anonymous.get("/commerce/api/customers").status());
        assertEquals(error("Login required"), anonymous.get("/commerce/api/customers").object());
        assertEquals(400, anonymous.post("/commerce/api/auth/login", "{oops").status());
    }

    @Test
    void restValidationAndMissingRecords() {
        CommerceClient admin = CommerceClient.loggedIn(Cluster.get().nodeA());
        HttpJson.Reply negative = admin.http.post("/commerce/api/orders", "{\"total\":-1}");
        assertEquals(400, negative.status());
        assertEquals(error("total must not be negative"), negative.object());
        assertEquals(error("Unknown field: colour"), admin.http.post("/commerce/api/products", "{\"name\":\"a\",\"sku\":\"b\",\"price\":1,\"colour\":\"red\"}").object());
        assertEquals(error("status must be one of archived, draft, published"),
                admin.http.post("/commerce/api/products", "{\"name\":\"a\",\"sku\":\"b\",\"price\":1,\"status\":\"gone\"}").object());
        assertEquals(error("customer_id 987654321 does not exist"), admin.http.post("/commerce/api/orders", "{\"total\":1,\"customer_id\":987654321}").object());
        assertEquals(error("email is required"), admin.http.post("/commerce/api/customers", "{}").object());
        assertEquals(error("Malformed JSON"), admin.http.patch("/commerce/api/orders/1", "{\"total\":").object());
        HttpJson.Reply missing = admin.http.get("/commerce/api/orders/987654321");
        assertEquals(404, missing.status());
        assertEquals(error("Order 987654321 not found"), missing.object());
        assertEquals(404, admin.http.delete("/commerce/api/shipments/987654321").status());
        assertEquals(404, admin.http.get("/commerce/api/widgets").status());

        HttpJson.Reply created = admin.http.post("/commerce/api/customers", "{\"email\":\"list@example.com\"}");
        assertEquals(201, created.status());
        assertTrue(created.object().getJsonNumber("id").longValue() > 0);
        assertTrue(admin.http.get("/commerce/api/customers").json().asJsonArray().contains(created.object()));
    }
}
