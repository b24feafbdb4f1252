package io.herald.it.orders;

import static io.herald.it.orders.OrdersClient.CONNECTED;
import static io.herald.it.orders.OrdersClient.admin;
import static io.herald.it.orders.OrdersClient.apiKey;
import static io.herald.it.orders.OrdersClient.changeStatus;
import static io.herald.it.orders.OrdersClient.changed;
import static io.herald.it.orders.OrdersClient.connect;
import static io.herald.it.orders.OrdersClient.createOrder;
import static io.herald.it.orders.OrdersClient.error;
import static io.herald.it.orders.OrdersClient.newOrganization;
import static io.herald.it.orders.OrdersClient.signedIn;
import static io.herald.it.orders.OrdersClient.socket;
import static io.herald.it.orders.OrdersClient.subscribeOrganization;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API (organizations, keys, revocation) with a Bearer JWT in group admin. */
@ExtendWith(Cluster.class)
class OrdersAdminIT {

    final HeraldNode a = Cluster.get().nodeA();
    final HeraldNode b = Cluster.get().nodeB();
    final HttpJson http = new HttpJson(a);

    static JsonObject restError(String message) {
        return Json.createObjectBuilder().add("type", "error").add("message", message).build();
    }

    @Test
    void onlyAdminsMayUseIt() {
        Map<String, String> user = Map.of("Authorization", "Bearer " + TestTokens.token("bob", "user"));
        String[] paths = {"/orders/api/organizations", "/orders/api/organizations/acme/keys", "/orders/api/keys/ak_demo_acme"};
        for (String path : paths) {
            HttpJson.Reply anonymous = http.get(path);
            assertEquals(401, anonymous.status(), path);
            assertEquals(restError("Bearer token required"), anonymous.object());
            HttpJson.Reply forbidden = http.get(path, user);
            assertEquals(403, forbidden.status(), path);
            assertEquals(restError("Forbidden: requires role admin"), forbidden.object());
        }
        assertEquals(401, http.post("/orders/api/organizations", "{\"id\":\"sneaky\",\"name\":\"x\"}").status());
        assertEquals(403, http.post("/orders/api/organizations", "{\"id\":\"sneaky\",\"name\":\"x\"}", user).status());
        assertEquals(403, http.post("/orders/api/organizations/acme/keys", "", user).status());
        assertEquals(403, http.delete("/orders/api/keys/ak_demo_acme", user).status());
        assertEquals(401, http.delete("/orders/api/keys/ak_demo_acme", apiKey("ak_demo_acme")).status(), "an API key is no admin credential");
        assertEquals(401, http.get("/orders/api/organizations", Map.of("Authorization", "Bearer " + TestTokens.signedByStranger("admin"))).status());
    }

    @Test
    void organizationsAndKeys() {
        String id = "it-admin-" + System.nanoTime() % 1_000_000;
        HttpJson.Reply created = http.post("/orders/api/organizations", "{\"id\":\"" + id + "\",\"name\":\"Admin Test\"}", admin());
        assertEquals(201, created.status(), created.body());
        JsonObject org = created.object();
        assertEquals(id, org.getString("id"));
        assertEquals("Admin Test", org.getString("name"));
        assertTrue(org.getString("created_at").matches(OrdersClient.TIMESTAMP));
        assertEquals(409, http.post("/orders/api/organizations", "{\"id\":\"" + id + "\",\"name\":\"Again\"}", admin()).status());
        assertEquals(restError("Organization acme already exists"), http.post("/orders/api/organizations", "{\"id\":\"acme\",\"name\":\"Again\"}", admin()).object());
        assertEquals(400, http.post("/orders/api/organizations", "{\"id\":\"Not A Slug\",\"name\":\"x\"}", admin()).status());
        assertEquals(400, http.post("/orders/api/organizations", "{\"id\":\"ok-slug\"}", admin()).status());
        assertEquals(org, http.get("/orders/api/organizations/" + id, admin()).object());
        JsonArray all = http.get("/orders/api/organizations", admin()).json().asJsonArray();
        assertTrue(all.contains(org));
        assertTrue(all.stream().anyMatch(o -> o.asJsonObject().getString("id").equals("acme") && o.asJsonObject().getString("name").equals("Acme Corp")));
        assertTrue(all.stream().anyMatch(o -> o.asJsonObject().getString("id").equals("globex") && o.asJsonObject().getString("name").equals("Globex Corporation")));

        HttpJson.Reply issued = http.post("/orders/api/organizations/" + id + "/keys", "", admin());
        assertEquals(201, issued.status(), issued.body());
        JsonObject key = issued.object();
        assertTrue(key.getString("api_key").matches("ak_[0-9A-Za-z]{24}"), key.toString());
        assertTrue(key.getString("secret").matches("sk_[0-9A-Za-z]{32}"), key.toString());
        assertEquals(id, key.getString("organization_id"));
        JsonArray keys = http.get("/orders/api/organizations/" + id + "/keys", admin()).json().asJsonArray();
        assertEquals(1, keys.size());
        JsonObject listed = keys.getJsonObject(0);
        assertEquals(key.getString("api_key"), listed.getString("api_key"));
        assertFalse(listed.containsKey("secret"), "a secret is shown once only");
        assertFalse(listed.toString().contains(key.getString("secret")));
        assertEquals(false, listed.getBoolean("revoked"));
        assertEquals(JsonValue.NULL, listed.get("revoked_at"));
        assertEquals(404, http.post("/orders/api/organizations/it-nobody/keys", "", admin()).status());
        assertEquals(restError("Organization it-nobody not found"), http.get("/orders/api/organizations/it-nobody/keys", admin()).object());

        // the new key works for REST and, with its secret, for a signed connect
        OrdersClient.remember(key.getString("api_key"), key.getString("secret"));
        try (WsClient ws = signedIn(b, key.getString("api_key"), key.getString("secret"))) {
            subscribeOrganization(ws);
            JsonObject order = createOrder(b, key.getString("api_key"), null);
            assertEquals(id, order.getString("organization_id"));
            assertEquals(OrdersClient.created(order), ws.next());
            JsonObject processing = changeStatus(a, key.getString("api_key"), order.getString("id"), "processing");
            assertEquals(changed(processing, "pending"), ws.next());
        }
    }

    @Test
    void revokingAKeyClosesItsSocketsOnEveryNodeAndRefusesIt() {
        OrdersClient.Organization org = newOrganization(a);
        HttpJson.Reply second = http.post("/orders/api/organizations/" + org.id() + "/keys", "", admin());
        String otherKey = second.object().getString("api_key");
        try (WsClient onB = signedIn(b, org); WsClient onA = OrdersClient.connected(a, org.apiKey());
             WsClient sameOrgOtherKey = OrdersClient.connected(b, otherKey)) {
            HttpJson.Reply revoked = http.delete("/orders/api/keys/" + org.apiKey(), admin());
            assertEquals(204, revoked.status(), revoked.body());
            assertEquals(new WsClient.Close(1008, "api_key revoked"), onB.awaitClose());
            assertEquals(new WsClient.Close(1008, "api_key revoked"), onA.awaitClose());
            sameOrgOtherKey.send("{\"type\":\"ping\"}");
            assertEquals(OrdersClient.json("{\"type\":\"pong\",\"data\":{}}"), sameOrgOtherKey.next(), "the organization's other key is untouched");
        }
        try (WsClient ws = socket(b)) {
            ws.send(connect(org.apiKey()));
            assertEquals(error("invalid api_key"), ws.next());
            ws.send(connect(org.apiKey(), OrdersClient.signatureNow(org.apiKey(), org.secret())));
            assertEquals(error("invalid api_key"), ws.next());
            ws.send(connect(otherKey));
            assertEquals(CONNECTED, ws.next());
        }
        assertEquals(restError("invalid api_key"), http.get("/orders/api/orders", apiKey(org.apiKey())).object());
        assertEquals(204, http.delete("/orders/api/keys/" + org.apiKey(), admin()).status(), "idempotent");
        JsonObject key = http.get("/orders/api/keys/" + org.apiKey(), admin()).object();
        assertEquals(true, key.getBoolean("revoked"));
        assertTrue(key.getString("revoked_at").matches(OrdersClient.TIMESTAMP));
        assertEquals(404, http.delete("/orders/api/keys/ak_never_issued", admin()).status());
    }
}
