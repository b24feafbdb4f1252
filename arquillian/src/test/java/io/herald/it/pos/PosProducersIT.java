package io.herald.it.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every event type of document 003 comes from a real change through {@code /pos/v1/api} on one node and reaches a subscriber on the other. */
@ExtendWith(Cluster.class)
class PosProducersIT {

    private static final List<String> CHANNELS = List.of("orders", "kds", "inventory", "tables", "analytics", "delivery", "voice");

    private final String loc = "loc-e" + System.nanoTime();
    private final Map<String, String> writer = Map.of("Authorization", "Bearer "
            + PosSocketIT.token("cashier", List.of(loc), "pos.write"));

    private JsonObject post(HttpJson http, String path, String body, int status) {
        HttpJson.Reply r = http.post("/pos/v1/api/" + path, body.replace('\'', '"'), writer);
        assertEquals(status, r.status(), () -> path + ": " + r.body());
        return r.object();
    }

    @Test
    void everyEventTypeFromItsProducerAcrossNodes() throws Exception {
        HeraldNode a = Cluster.get().nodeA();
        HeraldNode b = Cluster.get().nodeB();
        List<String> groups = new ArrayList<>();
        CHANNELS.forEach(c -> groups.add(c + ".read"));
        groups.add("notifications.read");
        try (WsClient ws = PosSocketIT.connect(b, PosSocketIT.token("user-n", List.of(loc), groups.toArray(String[]::new)))) {
            for (String channel : CHANNELS) {
                assertTrue(PosSocketIT.request(ws, "{'type':'subscribe','channel':'" + channel + "','params':{'location_id':'" + loc + "'}}").getBoolean("success"));
            }
            assertTrue(PosSocketIT.request(ws, "{'type':'subscribe','channel':'notifications','params':{'user_id':'user-n'}}").getBoolean("success"));

            HttpJson http = new HttpJson(a);
            String order = post(http, "orders", "{'location_id':'" + loc + "','order_type':'dine_in','total':12.50}", 201).getString("order_id");
            assertEquals(200, http.patch("/pos/v1/api/orders/" + order, "{\"total\":14.00}", writer).status());
            post(http, "orders/" + order + "/status", "{'status':'preparing'}", 200);
            post(http, "orders/" + order + "/pay", "{}", 200);
            post(http, "orders/" + order + "/close", "{}", 200);
            post(http, "orders/" + order + "/pay", "{}", 409);

            String ticket = post(http, "kds/tickets", "{'location_id':'" + loc + "','station':'grill','order_id':'" + order + "','due_in_seconds':1}", 201).getString("ticket_id");
            String item = post(http, "inventory/items", "{'location_id':'" + loc + "','name':'Buns','quantity':10,'low_threshold':3}", 201).getString("item_id");
            post(http, "inventory/items/" + item + "/consume", "{'quantity':7}", 200);
            post(http, "inventory/items/" + item + "/consume", "{'quantity':5}", 200);
            post(http, "inventory/items/" + item + "/receive", "{'quantity':20}", 200);
            String table = post(http, "tables", "{'location_id':'" + loc + "','number':'12'}", 201).getString("table_id");
            post(http, "tables/" + table + "/seat", "{'party_size':4}", 200);
            post(http, "tables/" + table + "/clear", "{}", 200);
            post(http, "tables/" + table + "/reserve", "{'name':'Ada'}", 200);
            String delivery = post(http, "delivery/orders", "{'location_id':'" + loc + "','platform':'doordash','external_id':'DD-1'}", 201).getString("delivery_id");
            post(http, "delivery/orders/" + delivery + "/assign", "{'driver':'Sam'}", 200);
            post(http, "delivery/orders/" + delivery + "/pickup", "{}", 200);
            post(http, "notifications", "{'user_id':'user-n','kind':'alert','message':'Freezer warm'}", 201);
            post(http, "notifications", "{'user_id':'user-n','kind':'message','message':'Hi'}", 201);
            String session = post(http, "voice/sessions", "{'location_id':'" + loc + "','lane':1}", 201).getString("session_id");
            post(http, "voice/sessions/" + session + "/complete", "{'total':8.25}", 200);

            Map<String, String> admin = Map.of("Authorization", "Bearer " + TestTokens.token("boss", "admin"));
            String hour = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
            assertTrue(http.post("/pos/v1/api/analytics/hourly-summaries", "{\"hour\":\"" + hour + "\"}", admin).object().getInt("published") >= 1);
            assertEquals(0, new HttpJson(b).post("/pos/v1/api/analytics/hourly-summaries", "{\"hour\":\"" + hour + "\"}", admin).object().getInt("published"),
                    "published once, on one node");
            Map<String, Integer> seen = new TreeMap<>();
            JsonObject[] lowStock = new JsonObject[1];
            // the ticket is late after 1 s (the timers of both nodes run every 2 s); bump and recall after that
            collectUntil(ws, seen, lowStock, "kds.ticket.late");
            post(http, "kds/tickets/" + ticket + "/bump", "{}", 200);
            post(http, "kds/tickets/" + ticket + "/recall", "{}", 200);
            collectUntil(ws, seen, lowStock, "kds.ticket.recalled");
            ws.poll(Duration.ofSeconds(3)).ifPresent(m -> seen.merge(m.getString("event", m.getString("type")), 1, Integer::sum));
            Map<String, Integer> expected = new TreeMap<>();
            for (String type : List.of("order.updated", "order.status_changed", "order.paid", "order.closed",
                    "kds.ticket.created", "kds.ticket.late", "kds.ticket.bumped", "kds.ticket.recalled",
                    "inventory.low_stock", "inventory.out_of_stock", "inventory.received",
                    "table.seated", "table.cleared", "table.reserved", "analytics.hourly_summary",
                    "delivery.order_received", "delivery.driver_assigned", "delivery.picked_up",
                    "notification.alert", "notification.message", "voice.session_started", "voice.order_completed")) {
                expected.put(type, 1);
            }
            expected.put("order.created", 2); // the dine-in order and the voice session's drive-thru order
            expected.put("analytics.metric_update", 3); // revenue, orders, avg_ticket after the payment
            assertEquals(expected, seen);
            assertEquals("low_stock", lowStock[0].getJsonObject("data").getString("alert_type"));
            assertEquals(3, lowStock[0].getJsonObject("data").getInt("quantity"));
        }
    }

    /** Counts the events that arrive until one of {@code type} has (20 s at most). */
    private static void collectUntil(WsClient ws, Map<String, Integer> seen, JsonObject[] lowStock, String type) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && seen.getOrDefault(type, 0) == 0) {
            Optional<JsonObject> m = ws.poll(Duration.ofMillis(500));
            if (m.isPresent() && "event".equals(m.get().getString("type"))) {
                seen.merge(m.get().getString("event"), 1, Integer::sum);
                if ("inventory.low_stock".equals(m.get().getString("event"))) {
                    lowStock[0] = m.get();
                }
            }
        }
    }

    @Test
    void theBackEndChecksRightsAndInput() {
        HttpJson http = new HttpJson(Cluster.get().nodeA());
        assertEquals(401, http.post("/pos/v1/api/orders", "{}").status());
        Map<String, String> reader = Map.of("Authorization", "Bearer " + PosSocketIT.token("r", List.of(loc), "orders.read"));
        assertEquals(403, http.post("/pos/v1/api/orders", "{\"location_id\":\"" + loc + "\",\"order_type\":\"dine_in\"}", reader).status());
        HttpJson.Reply elsewhere = http.post("/pos/v1/api/orders", "{\"location_id\":\"loc-other\",\"order_type\":\"dine_in\"}", writer);
        assertEquals(403, elsewhere.status());
        assertEquals("Not authorized for location 'loc-other'", elsewhere.object().getString("message"));
        HttpJson.Reply badType = http.post("/pos/v1/api/orders", "{\"location_id\":\"" + loc + "\",\"order_type\":\"brunch\"}", writer);
        assertEquals(400, badType.status());
        assertEquals(404, http.post("/pos/v1/api/orders/ord-nope/pay", "{}", writer).status());
        assertEquals(400, http.post("/pos/v1/api/orders", "{\"location_id\":\"" + loc + "\",\"order_type\":\"dine_in\",\"colour\":1}", writer).status());
    }
}
