package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Resume after a node's death: a commerce client on node A has seen some events when A is killed
 * with {@code kill -9}; events go on through node B; the client reconnects to B with the last
 * {@code event_id} it saw and gets every event it missed, once and in order, then live events. A
 * resume with an id from another event log gets the documented gap message first. Then the same
 * for a trading room ({@code lastEventId}), an order-status scope ({@code data.last_event_id}) and a
 * point-of-sale subscription ({@code last_event_id}).
 */
class ResumeIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));

    private static String order(String run, int n) {
        return "{\"product\":\"commerce\",\"type\":\"order:updated\",\"routing_keys\":[\"commerce:order_changes\"],"
                + "\"data\":{\"run\":\"" + run + "\",\"n\":" + n + "},\"durable\":true}";
    }

    private static WsClient commerce(HeraldNode node) {
        HttpJson login = new HttpJson(node);
        assertEquals(200, login.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", login.cookieHeader()));
        ws.expectType("connected");
        return ws;
    }

    /** The next order event of this run (other frames skipped). */
    private static JsonObject nextOf(WsClient ws, String run) {
        while (true) {
            JsonObject m = ws.next();
            if ("order:updated".equals(m.getString("event", null)) && run.equals(m.getJsonObject("data").getString("run", null))) {
                return m;
            }
        }
    }

    @Test
    void aClientWhoseNodeWasKilledResumesOnAnotherNodeWithWhatItMissedOnceAndInOrder() throws Exception {
        try (SharedDatabase database = SharedDatabase.startH2(); ExternalBroker broker = new ExternalBroker().start()) {
            Map<String, String> env = new HashMap<>(database.environment());
            env.put("HERALD_BROKER_URL", broker.url());
            env.putAll(TestTokens.serverEnvironment());
            try (HeraldNode a = HeraldNode.start("resume-a", env); HeraldNode b = HeraldNode.start("resume-b", env)) {
                String run = "run-" + System.nanoTime();
                HttpJson publisher = new HttpJson(b);
                String last;
                WsClient onA = commerce(a);
                onA.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
                onA.expectType("subscribed");
                for (int n = 1; n <= 3; n++) {
                    assertEquals(202, publisher.post("/api/events", order(run, n), ADMIN).status());
                }
                JsonObject third = null;
                for (int n = 1; n <= 3; n++) {
                    third = nextOf(onA, run);
                    assertEquals(n, third.getJsonObject("data").getInt("n"));
                }
                last = onA.lastEventId();
                assertNotNull(last, "every durable event carries event_id");

                a.kill();
                onA.close();
                for (int n = 4; n <= 8; n++) {
                    assertEquals(202, publisher.post("/api/events", order(run, n), ADMIN).status());
                }

                try (WsClient onB = commerce(b)) {
                    onB.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\",\"last_event_id\":\"" + last + "\"}");
                    onB.expectType("subscribed");
                    List<Integer> got = new ArrayList<>();
                    for (int n = 4; n <= 8; n++) {
                        got.add(nextOf(onB, run).getJsonObject("data").getInt("n"));
                    }
                    assertEquals(List.of(4, 5, 6, 7, 8), got, "the missed events, in order");
                    assertEquals(202, publisher.post("/api/events", order(run, 9), ADMIN).status());
                    assertEquals(9, nextOf(onB, run).getJsonObject("data").getInt("n"), "then live events");
                    Optional<JsonObject> more = onB.poll(Duration.ofMillis(700));
                    assertTrue(more.isEmpty(), () -> "nothing twice: " + more);

                    onB.send("{\"type\":\"subscribe\",\"channel\":\"shipment_changes\",\"last_event_id\":\"0123456789ab.1\"}");
                    onB.expectType("subscribed");
                    JsonObject gap = onB.expectType("gap");
                    assertEquals("shipment_changes", gap.getString("channel"));
                    assertEquals("0123456789ab.1", gap.getString("last_event_id"));
                    assertEquals("the event id is from another event log", gap.getString("reason"));
                }
                tradingRoomResumes(b, run);
                orderStatusScopeResumes(b);
                pointOfSaleSubscriptionResumes(b);
            }
        }
    }

    private static String tick(String run, int n) {
        return "{\"product\":\"trading\",\"type\":\"market_data_update\",\"routing_keys\":[\"trading:market:BTC_USD\"],"
                + "\"data\":{\"symbol\":\"BTC_USD\",\"run\":\"" + run + "\",\"n\":" + n + "},\"durable\":true}";
    }

    private static JsonObject nextTick(WsClient ws, String run) {
        while (true) {
            JsonObject m = ws.next();
            if ("market_data_update".equals(m.getString("type", null)) && run.equals(m.getJsonObject("data").getString("run", null))) {
                return m;
            }
        }
    }

    private static WsClient tradingIn(HeraldNode node, String subscribe) {
        WsClient ws = WsClient.connect(node.ws("/trading/ws"), Map.of("Authorization", "Bearer " + TestTokens.token("resume-trader")));
        ws.expectType("connection");
        ws.send(subscribe);
        JsonObject reply;
        do {
            reply = ws.next();
        } while (!"room_subscription".equals(reply.getString("type")));
        return ws;
    }

    private static void tradingRoomResumes(HeraldNode node, String run) {
        HttpJson publisher = new HttpJson(node);
        String last;
        try (WsClient first = tradingIn(node, "{\"type\":\"subscribe\",\"channel\":\"market:BTC_USD\"}")) {
            assertEquals(202, publisher.post("/api/events", tick(run, 1), ADMIN).status());
            nextTick(first, run);
            last = first.lastEventId();
        }
        for (int n = 2; n <= 4; n++) {
            assertEquals(202, publisher.post("/api/events", tick(run, n), ADMIN).status());
        }
        try (WsClient again = tradingIn(node, "{\"type\":\"subscribe\",\"channel\":\"market:BTC_USD\",\"lastEventId\":\"" + last + "\"}")) {
            List<Integer> got = new ArrayList<>();
            for (int n = 2; n <= 4; n++) {
                got.add(nextTick(again, run).getJsonObject("data").getInt("n"));
            }
            assertEquals(List.of(2, 3, 4), got, "the room's missed ticks, in order");
        }
    }

    private static void orderStatusScopeResumes(HeraldNode node) {
        String last;
        String orderId;
        try (WsClient first = WsClient.connect(node.ws("/orders/ws"))) {
            first.send(io.herald.it.orders.OrdersClient.connect(io.herald.it.orders.OrdersClient.ACME_KEY,
                    io.herald.it.orders.OrdersClient.signatureNow(io.herald.it.orders.OrdersClient.ACME_KEY, io.herald.it.orders.OrdersClient.ACME_SECRET)));
            assertEquals("connected", first.next().getString("type"));
            first.send(io.herald.it.orders.OrdersClient.SUBSCRIBE_ORGANIZATION);
            assertEquals("subscription", first.next().getString("type"));
            JsonObject order = io.herald.it.orders.OrdersClient.createOrder(node, io.herald.it.orders.OrdersClient.ACME_KEY, "resume-" + System.nanoTime());
            orderId = order.getString("id");
            JsonObject created;
            do {
                created = first.next();
            } while (!"event".equals(created.getString("type")) || !orderId.equals(created.getJsonObject("data").getString("order_id", "")));
            last = first.lastEventId();
        }
        io.herald.it.orders.OrdersClient.changeStatus(node, io.herald.it.orders.OrdersClient.ACME_KEY, orderId, "processing");
        io.herald.it.orders.OrdersClient.changeStatus(node, io.herald.it.orders.OrdersClient.ACME_KEY, orderId, "shipped");
        try (WsClient again = WsClient.connect(node.ws("/orders/ws"))) {
            again.send(io.herald.it.orders.OrdersClient.connect(io.herald.it.orders.OrdersClient.ACME_KEY,
                    io.herald.it.orders.OrdersClient.signatureNow(io.herald.it.orders.OrdersClient.ACME_KEY, io.herald.it.orders.OrdersClient.ACME_SECRET)));
            assertEquals("connected", again.next().getString("type"));
            again.send("{\"type\":\"subscribe\",\"data\":{\"last_event_id\":\"" + last + "\"}}");
            assertEquals("subscription", again.next().getString("type"));
            List<String> statuses = new ArrayList<>();
            while (statuses.size() < 2) {
                JsonObject e = again.next();
                if ("event".equals(e.getString("type")) && orderId.equals(e.getJsonObject("data").getString("order_id", ""))) {
                    statuses.add(e.getJsonObject("data").getString("status"));
                }
            }
            assertEquals(List.of("processing", "shipped"), statuses, "the scope's missed changes, in order");
        }
    }

    private static void pointOfSaleSubscriptionResumes(HeraldNode node) {
        String loc = "loc-r" + System.nanoTime();
        Map<String, String> writer = Map.of("Authorization", "Bearer " + io.herald.it.pos.PosSocketIT.token("cashier", List.of(loc), "pos.write"));
        String reader = io.herald.it.pos.PosSocketIT.token("reader", List.of(loc), "orders.read");
        String subscribe = "{'type':'subscribe','channel':'orders','params':{'location_id':'" + loc + "'}";
        HttpJson http = new HttpJson(node);
        String last;
        String order;
        try (WsClient first = io.herald.it.pos.PosSocketIT.connect(node, reader)) {
            assertTrue(io.herald.it.pos.PosSocketIT.request(first, subscribe + "}").getBoolean("success"));
            HttpJson.Reply created = http.post("/pos/v1/api/orders", ("{'location_id':'" + loc + "','order_type':'dine_in','total':12.50}").replace('\'', '"'), writer);
            assertEquals(201, created.status(), created.body());
            order = created.object().getString("order_id");
            JsonObject event;
            do {
                event = first.next();
            } while (!"event".equals(event.getString("type")));
            assertEquals("order.created", event.getString("event"));
            last = first.lastEventId();
        }
        assertEquals(200, http.patch("/pos/v1/api/orders/" + order, "{\"total\":14.00}", writer).status());
        assertEquals(200, http.patch("/pos/v1/api/orders/" + order, "{\"total\":15.00}", writer).status());
        try (WsClient again = io.herald.it.pos.PosSocketIT.connect(node, reader)) {
            JsonObject reply = io.herald.it.pos.PosSocketIT.request(again, subscribe + ",'last_event_id':'" + last + "'}");
            assertTrue(reply.getBoolean("success"), reply::toString);
            String subscription = reply.getString("subscription_id");
            List<String> events = new ArrayList<>();
            while (events.size() < 2) {
                JsonObject event = again.next();
                if ("event".equals(event.getString("type"))) {
                    assertEquals(List.of(subscription), event.getJsonArray("subscription_ids").getValuesAs(jakarta.json.JsonString.class)
                            .stream().map(jakarta.json.JsonString::getString).toList());
                    events.add(event.getString("event"));
                }
            }
            assertEquals(List.of("order.updated", "order.updated"), events, "the subscription's missed events, under its id");
        }
    }
}
