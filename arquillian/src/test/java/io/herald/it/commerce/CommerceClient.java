package io.herald.it.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.util.Map;

/** A back-office user: an HTTP session (cookie) for REST and the same cookie on /commerce/ws. */
final class CommerceClient {

    final HttpJson http;
    private final HeraldNode node;

    private CommerceClient(HeraldNode node) {
        this.node = node;
        this.http = new HttpJson(node);
    }

    static CommerceClient loggedIn(HeraldNode node) {
        CommerceClient client = new CommerceClient(node);
        HttpJson.Reply login = client.http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}");
        assertEquals(200, login.status(), () -> node.name() + " login: " + login.body());
        return client;
    }

    /** Opens /commerce/ws with this user's session cookie and reads the {@code connected} message. */
    WsClient socket() {
        WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()));
        ws.expectType("connected");
        return ws;
    }

    /** Opens a socket subscribed to the given channels (each confirmation read). */
    WsClient subscribed(String... channels) {
        WsClient ws = socket();
        for (String channel : channels) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
            JsonObject confirmation = ws.expectType("subscribed");
            assertEquals(channel, confirmation.getString("channel"));
        }
        return ws;
    }

    JsonObject create(String collection, String json) {
        HttpJson.Reply reply = http.post("/commerce/api/" + collection, json);
        assertEquals(201, reply.status(), reply.body());
        return reply.object();
    }

    JsonObject update(String collection, long id, String json) {
        HttpJson.Reply reply = http.patch("/commerce/api/" + collection + "/" + id, json);
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    void delete(String collection, long id) {
        HttpJson.Reply reply = http.delete("/commerce/api/" + collection + "/" + id);
        assertEquals(204, reply.status(), reply.body());
    }
}
