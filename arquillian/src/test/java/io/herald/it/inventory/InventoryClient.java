package io.herald.it.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;

/** A user of the inventory API: a JWT from the test identity provider, REST with Bearer, the notification socket. */
final class InventoryClient {

    final String userId;
    final String token;

    private InventoryClient(String userId, String token) {
        this.userId = userId;
        this.token = token;
    }

    /** A user no other test uses. */
    static InventoryClient freshUser() {
        String user = "user-" + UUID.randomUUID();
        return new InventoryClient(user, TestTokens.token(user));
    }

    static InventoryClient admin() {
        return new InventoryClient("admin", TestTokens.token("admin", "admin"));
    }

    Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Opens the socket with the token in the query string and reads CONNECTION_ESTABLISHED. */
    WsClient connect(HeraldNode node) {
        WsClient ws = WsClient.connect(node.ws("/inventory/api/ws/notification?access_token=" + token));
        assertEquals(Json.createObjectBuilder().add("type", "CONNECTION_ESTABLISHED")
                .add("message", "Notification WebSocket connected").add("userId", userId).build(), ws.next());
        return ws;
    }

    /** As an admin, creates a notification for {@code user} through {@code node}; @return the created notification */
    static JsonObject notify(HeraldNode node, String user, String message, String type, String productName) {
        var body = Json.createObjectBuilder().add("user_id", user).add("message", message).add("type", type);
        if (productName != null) {
            body.add("productName", productName);
        }
        HttpJson.Reply reply = new HttpJson(node).post("/inventory/api/notifications", body.build().toString(), admin().bearer());
        assertEquals(201, reply.status(), reply.body());
        return reply.object();
    }

    /** The notification as the socket shows it: the documented fields only. */
    static JsonObject documented(JsonObject created) {
        return Json.createObjectBuilder()
                .add("id", created.get("id"))
                .add("message", created.get("message"))
                .add("type", created.get("type"))
                .add("productName", created.get("productName"))
                .add("created_at", created.get("created_at"))
                .build();
    }
}
