package io.herald.it.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /pos/v1/ws} (document 003) on the two-node cluster: authentication, every subscription message, filters and rights. */
@ExtendWith(Cluster.class)
public class PosSocketIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));

    public static String token(String user, List<String> locations, String... groups) {
        JsonArrayBuilder locs = Json.createArrayBuilder();
        locations.forEach(locs::add);
        return TestTokens.withClaims(TestTokens.claims(user, TestTokens.ISSUER, Duration.ofHours(1), groups).add("locations", locs).build());
    }

    public static WsClient connect(HeraldNode node, String token) {
        return WsClient.connect(node.ws("/pos/v1/ws"), Map.of("Authorization", "Bearer " + token));
    }

    public static JsonObject request(WsClient ws, String json) {
        ws.send(json.replace('\'', '"'));
        return ws.next();
    }

    /** Publishes a point-of-sale event through {@code POST /api/events} on {@code node}. */
    static void publish(HeraldNode node, String type, String routingKey, String data) {
        HttpJson.Reply r = new HttpJson(node).post("/api/events", ("{'product':'pos','type':'" + type + "','routing_keys':['" + routingKey
                + "'],'data':" + data + "}").replace('\'', '"'), ADMIN);
        assertEquals(202, r.status(), r.body());
    }

    @Test
    void withoutAValidTokenTheSocketIsClosedWith1008AndTheReason() {
        try (WsClient none = WsClient.connect(Cluster.get().nodeA().ws("/pos/v1/ws"));
                WsClient forged = WsClient.connect(Cluster.get().nodeA().ws("/pos/v1/ws"), Map.of("Authorization", "Bearer " + TestTokens.signedByStranger("x")))) {
            assertEquals(new WsClient.Close(1008, "Access token required"), none.awaitClose());
            assertEquals(1008, forged.awaitClose().code());
        }
        String query = token("user-q", List.of("loc-1"), "orders.read");
        try (WsClient browser = WsClient.connect(Cluster.get().nodeA().ws("/pos/v1/ws?access_token=" + query))) {
            assertEquals("subscriptions_list", request(browser, "{'type':'list_subscriptions'}").getString("type"));
        }
    }

    @Test
    void subscribeListUnsubscribeAndUnsubscribeAllAsDocumented() {
        try (WsClient ws = connect(Cluster.get().nodeA(), token("user-sarah", List.of("loc-xyz789"), "orders.read", "kds.read"))) {
            JsonObject subscribed = request(ws, "{'type':'subscribe','id':'req-001','channel':'orders','params':{'location_id':'loc-xyz789'}}");
            assertEquals("response", subscribed.getString("type"));
            assertEquals("req-001", subscribed.getString("id"));
            assertTrue(subscribed.getBoolean("success"));
            assertTrue(subscribed.getString("subscription_id").startsWith("sub-"));
            assertEquals("orders", subscribed.getString("channel"));
            assertEquals(Json.createObjectBuilder().add("location_id", "loc-xyz789").build(), subscribed.getJsonObject("params"));
            String kds = request(ws, "{'type':'subscribe','id':7,'channel':'kds','params':{'location_id':'loc-xyz789','station':'grill'}}").getString("subscription_id");

            JsonObject list = request(ws, "{'type':'list_subscriptions','id':'req-002'}");
            assertEquals("subscriptions_list", list.getString("type"));
            assertEquals("req-002", list.getString("id"));
            assertEquals(2, list.getJsonArray("subscriptions").size());
            JsonObject first = list.getJsonArray("subscriptions").getJsonObject(0);
            assertEquals(subscribed.getString("subscription_id"), first.getString("id"));
            assertEquals("orders", first.getString("channel"));
            assertTrue(first.getString("created_at").endsWith("Z"));

            JsonObject unsubscribed = request(ws, "{'type':'unsubscribe','subscription_id':'" + kds + "'}");
            assertEquals(Json.createObjectBuilder().add("type", "response").add("success", true).add("subscription_id", kds)
                    .add("message", "Unsubscribed successfully").build(), unsubscribed);
            JsonObject unknown = request(ws, "{'type':'unsubscribe','subscription_id':'" + kds + "'}");
            assertEquals("subscription_not_found", unknown.getString("code"));

            JsonObject all = request(ws, "{'type':'unsubscribe_all'}");
            assertTrue(all.getBoolean("success"));
            assertEquals(1, all.getJsonArray("subscription_ids").size());
            JsonObject none = request(ws, "{'type':'list_subscriptions'}");
            assertEquals(0, none.getJsonArray("subscriptions").size());
            assertFalse(none.containsKey("id"));
        }
    }

    @Test
    void everyDocumentedErrorEchoesTheRequestId() {
        try (WsClient ws = connect(Cluster.get().nodeA(), token("user-sarah", List.of("loc-1"), "orders.read"))) {
            assertEquals(Json.createObjectBuilder().add("type", "error").add("id", "req-001").add("code", "channel_not_found")
                    .add("message", "Channel 'invalid' does not exist").build(),
                    request(ws, "{'type':'subscribe','id':'req-001','channel':'invalid','params':{}}"));
            assertEquals(Json.createObjectBuilder().add("type", "error").add("id", "req-001").add("code", "unauthorized")
                    .add("message", "Not authorized to subscribe to this channel").add("channel", "tables").add("required_permission", "tables.read").build(),
                    request(ws, "{'type':'subscribe','id':'req-001','channel':'tables','params':{'location_id':'loc-1'}}"));
            JsonObject location = request(ws, "{'type':'subscribe','id':'req-002','channel':'orders','params':{'location_id':'loc-2'}}");
            assertEquals("unauthorized", location.getString("code"));
            assertEquals("location:loc-2", location.getString("required_permission"));
            assertEquals(Json.createObjectBuilder().add("type", "error").add("id", "req-001").add("code", "invalid_params")
                    .add("message", "Missing required parameter: location_id").add("channel", "orders").build(),
                    request(ws, "{'type':'subscribe','id':'req-001','channel':'orders','params':{}}"));
            assertEquals("invalid_message", request(ws, "{'type':'dance'}").getString("code"));
            assertEquals("invalid_message", request(ws, "not json").getString("code"));

            for (int i = 0; i < 50; i++) {
                assertTrue(request(ws, "{'type':'subscribe','id':" + i + ",'channel':'orders','params':{'location_id':'loc-1'}}").getBoolean("success"));
            }
            assertEquals(Json.createObjectBuilder().add("type", "error").add("id", "req-051").add("code", "subscription_limit")
                    .add("message", "Maximum subscriptions reached").add("current", 50).add("limit", 50).build(),
                    request(ws, "{'type':'subscribe','id':'req-051','channel':'orders','params':{'location_id':'loc-1'}}"));
        }
    }

    @Test
    void filtersAreEnforcedOnTheServerAcrossNodesAndEventsCarryTheirSubscriptionIds() {
        String run = "loc-f" + System.nanoTime();
        try (WsClient ws = connect(Cluster.get().nodeB(), token("user-f", List.of("*"), "orders.read", "notifications.read"))) {
            String open = request(ws, "{'type':'subscribe','id':'a','channel':'orders','params':{'location_id':'" + run + "','statuses':['open']}}").getString("subscription_id");
            String paid = request(ws, "{'type':'subscribe','id':'b','channel':'orders','params':{'location_id':'" + run + "','events':['order.paid']}}").getString("subscription_id");
            String mine = request(ws, "{'type':'subscribe','id':'c','channel':'notifications','params':{'user_id':'user-f'}}").getString("subscription_id");

            HeraldNode a = Cluster.get().nodeA();
            String key = "pos:orders:loc:" + run;
            publish(a, "order.created", key, "{'location_id':'" + run + "','n':1,'status':'open','order_type':'dine_in'}");
            publish(a, "order.created", key, "{'location_id':'" + run + "','n':2,'status':'preparing'}");
            publish(a, "order.created", "pos:orders:loc:elsewhere", "{'location_id':'elsewhere','n':3,'status':'open'}");
            publish(a, "order.paid", key, "{'location_id':'" + run + "','n':4,'status':'open'}");
            publish(a, "notification.alert", "pos:notifications:user:user-f", "{'user_id':'user-f','n':5}");
            publish(a, "notification.alert", "pos:notifications:user:user-g", "{'user_id':'user-g','n':6}");

            JsonObject first = ws.next();
            assertEquals("event", first.getString("type"));
            assertEquals("orders", first.getString("channel"));
            assertEquals("order.created", first.getString("event"));
            assertEquals(1, first.getJsonObject("data").getInt("n"));
            assertEquals(List.of(open), first.getJsonArray("subscription_ids").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            JsonObject fourth = ws.next();
            assertEquals(4, fourth.getJsonObject("data").getInt("n"));
            assertEquals(Set.of(open, paid), new HashSet<>(fourth.getJsonArray("subscription_ids").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList()));
            JsonObject fifth = ws.next();
            assertEquals(5, fifth.getJsonObject("data").getInt("n"));
            assertEquals(mine, fifth.getJsonArray("subscription_ids").getString(0));
            Optional<JsonObject> more = ws.poll(Duration.ofSeconds(1));
            assertFalse(more.isPresent(), () -> "nothing else passes: " + more);
        }
    }

    @Test
    void theDocumentsHandleReconnectionSnippetWorks() {
        String loc = "loc-r" + System.nanoTime();
        String token = token("user-r", List.of(loc), "orders.read");
        Map<String, JsonObject> active = new java.util.LinkedHashMap<>();
        try (WsClient first = connect(Cluster.get().nodeA(), token)) {
            for (String status : List.of("open", "paid")) {
                String id = "req-" + status;
                JsonObject sub = Json.createObjectBuilder().add("type", "subscribe").add("id", id).add("channel", "orders")
                        .add("params", Json.createObjectBuilder().add("location_id", loc).add("statuses", Json.createArrayBuilder().add(status))).build();
                active.put(id, sub);
                first.send(sub.toString());
                assertTrue(first.next().getBoolean("success"));
            }
        }
        // the connection dropped; reconnecting (to the other node) re-subscribes everything
        try (WsClient again = connect(Cluster.get().nodeB(), token)) {
            for (JsonObject sub : active.values()) {
                again.send(sub.toString());
                JsonObject r = again.next();
                assertTrue(r.getBoolean("success"), r::toString);
                assertEquals(sub.getString("id"), r.getString("id"));
            }
            assertEquals(2, request(again, "{'type':'list_subscriptions'}").getJsonArray("subscriptions").size());
            publish(Cluster.get().nodeA(), "order.paid", "pos:orders:loc:" + loc, "{'location_id':'" + loc + "','status':'paid'}");
            JsonObject event = again.next();
            assertEquals("order.paid", event.getString("event"));
            assertEquals(1, event.getJsonArray("subscription_ids").size());
        }
    }

    @Test
    void theDocumentsBatchSubscriptionsSnippetWorks() {
        try (WsClient ws = connect(Cluster.get().nodeA(), token("user-batch", List.of("loc-1"), "orders.read", "kds.read", "tables.read"))) {
            long now = System.currentTimeMillis();
            ws.send("{\"type\":\"subscribe\",\"id\":\"sub-" + now + "\",\"channel\":\"orders\",\"params\":{\"location_id\":\"loc-1\"}}");
            ws.send("{\"type\":\"subscribe\",\"id\":\"sub-" + now + "\",\"channel\":\"kds\",\"params\":{\"location_id\":\"loc-1\",\"station\":\"grill\"}}");
            ws.send("{\"type\":\"subscribe\",\"id\":\"sub-" + now + "\",\"channel\":\"tables\",\"params\":{\"location_id\":\"loc-1\"}}");
            for (String channel : List.of("orders", "kds", "tables")) {
                JsonObject r = ws.next();
                assertTrue(r.getBoolean("success"), r::toString);
                assertEquals(channel, r.getString("channel"));
            }
        }
    }
}
