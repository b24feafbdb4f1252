package io.herald.it.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HttpJson;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Document 000's events as a back-office client receives them: names, payloads, changed fields, timestamps. */
@ExtendWith(Cluster.class)
class CommerceEventsIT {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private CommerceClient admin;

    @BeforeEach
    void login() {
        admin = CommerceClient.loggedIn(Cluster.get().nodeA());
    }

    /** The next message must be {@code event} with exactly {@code data}, stamped now. */
    private static void expectEvent(WsClient ws, String event, JsonObject data) {
        JsonObject message = ws.next();
        assertEquals(event, message.getString("event", null), () -> "unexpected message " + message);
        assertEquals(data, message.getJsonObject("data"));
        assertEquals(3, message.size(), () -> "only event, data and timestamp: " + message);
        String timestamp = message.getString("timestamp");
        assertTrue(timestamp.matches(TIMESTAMP), timestamp);
        assertTrue(Duration.between(Instant.parse(timestamp), Instant.now()).abs().getSeconds() < 60, timestamp);
    }

    private static JsonObject withChanges(JsonObject state, JsonObject changed) {
        return Json.createObjectBuilder(state).add("changed_fields", changed).build();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new java.io.StringReader(text)).readObject();
    }

    @Test
    void allFifteenEventsCarryTheDocumentedPayloads() {
        try (WsClient ws = admin.subscribed("customer_changes", "product_changes", "order_changes",
                "shipment_changes", "transaction_changes")) {
            JsonObject customer = admin.create("customers", "{\"email\":\"new@example.com\",\"first_name\":\"John\",\"last_name\":\"Doe\"}");
            expectEvent(ws, "customer:created", customer);
            assertEquals(json("{\"id\":" + customer.get("id") + ",\"email\":\"new@example.com\",\"first_name\":\"John\",\"last_name\":\"Doe\"}"), customer);
            long customerId = customer.getJsonNumber("id").longValue();
            JsonObject customerUpdated = admin.update("customers", customerId, "{\"email\":\"customer@example.com\"}");
            expectEvent(ws, "customer:updated", withChanges(customerUpdated, json("{\"email\":\"customer@example.com\"}")));

            JsonObject product = admin.create("products", "{\"name\":\"Product Name\",\"sku\":\"SKU-123-" + customerId + "\",\"status\":\"published\",\"price\":19.99,\"stock\":5}");
            expectEvent(ws, "product:created", product);
            long productId = product.getJsonNumber("id").longValue();
            JsonObject productUpdated = admin.update("products", productId, "{\"price\":29.99,\"stock\":100,\"name\":\"Product Name\"}");
            expectEvent(ws, "product:updated", withChanges(productUpdated, json("{\"price\":29.99,\"stock\":100}")));

            JsonObject order = admin.create("orders", "{\"total\":99.99,\"customer_id\":" + customerId + ",\"currency\":\"USD\"}");
            expectEvent(ws, "order:created", order);
            assertTrue(order.getString("order_number").startsWith("ORD-"), order.toString());
            assertEquals("pending", order.getString("status"));
            assertEquals("pending", order.getString("payment_status"));
            long orderId = order.getJsonNumber("id").longValue();
            JsonObject orderUpdated = admin.update("orders", orderId, "{\"status\":\"processing\",\"payment_status\":\"paid\"}");
            expectEvent(ws, "order:updated", withChanges(orderUpdated, json("{\"status\":\"processing\",\"payment_status\":\"paid\"}")));

            JsonObject shipment = admin.create("shipments", "{\"order_id\":" + orderId + ",\"carrier\":\"UPS\"}");
            expectEvent(ws, "shipment:created", shipment);
            long shipmentId = shipment.getJsonNumber("id").longValue();
            String tracking = "TRACK" + shipmentId + "-" + System.nanoTime();
            JsonObject shipmentUpdated = admin.update("shipments", shipmentId, "{\"status\":\"shipped\",\"tracking_number\":\"" + tracking + "\"}");
            expectEvent(ws, "shipment:updated", withChanges(shipmentUpdated, json("{\"status\":\"shipped\",\"tracking_number\":\"" + tracking + "\"}")));

            JsonObject transaction = admin.create("transactions", "{\"order_id\":" + orderId + ",\"type\":\"payment\",\"status\":\"pending\",\"amount\":99.99,\"gateway\":\"stripe\"}");
            expectEvent(ws, "transaction:created", transaction);
            long transactionId = transaction.getJsonNumber("id").longValue();
            JsonObject transactionUpdated = admin.update("transactions", transactionId, "{\"status\":\"completed\"}");
            expectEvent(ws, "transaction:updated", withChanges(transactionUpdated, json("{\"status\":\"completed\"}")));

            admin.delete("transactions", transactionId);
            expectEvent(ws, "transaction:deleted", transactionUpdated);
            admin.delete("shipments", shipmentId);
            expectEvent(ws, "shipment:deleted", shipmentUpdated);
            admin.delete("orders", orderId);
            expectEvent(ws, "order:deleted", orderUpdated);
            admin.delete("products", productId);
            expectEvent(ws, "product:deleted", productUpdated);
            admin.delete("customers", customerId);
            expectEvent(ws, "customer:deleted", customerUpdated);
        }
    }

    @Test
    void anUpdateThatChangesNothingPublishesNothing() {
        try (WsClient ws = admin.subscribed("product_changes")) {
            JsonObject product = admin.create("products", "{\"name\":\"Mug\",\"sku\":\"MUG-" + System.nanoTime() + "\",\"price\":5}");
            expectEvent(ws, "product:created", product);
            long id = product.getJsonNumber("id").longValue();
            admin.update("products", id, "{\"price\":5.00,\"name\":\"Mug\"}");
            JsonObject changed = admin.update("products", id, "{\"stock\":3}");
            expectEvent(ws, "product:updated", withChanges(changed, json("{\"stock\":3}")));
        }
    }

    @Test
    void rapidChangesArriveInCommitOrder() {
        try (WsClient ws = admin.subscribed("product_changes")) {
            JsonObject product = admin.create("products", "{\"name\":\"Counter\",\"sku\":\"CNT-" + System.nanoTime() + "\",\"price\":1}");
            expectEvent(ws, "product:created", product);
            long id = product.getJsonNumber("id").longValue();
            for (int stock = 1; stock <= 25; stock++) {
                admin.update("products", id, "{\"stock\":" + stock + "}");
            }
            for (int stock = 1; stock <= 25; stock++) {
                JsonObject event = ws.next();
                assertEquals("product:updated", event.getString("event"));
                assertEquals(json("{\"stock\":" + stock + "}"), event.getJsonObject("data").getJsonObject("changed_fields"));
            }
        }
    }

    @Test
    void aSessionSubscribedTwiceGetsEachEventOnce() {
        try (WsClient ws = admin.subscribed("order_changes", "order_changes")) {
            JsonObject first = admin.create("orders", "{\"total\":1}");
            JsonObject second = admin.create("orders", "{\"total\":2}");
            expectEvent(ws, "order:created", first);
            expectEvent(ws, "order:created", second);
        }
    }

    @Test
    void onlySubscribedChannelsAreDeliveredAndUnsubscribeStopsThem() {
        try (WsClient ws = admin.subscribed("order_changes", "customer_changes")) {
            ws.send("{\"type\":\"unsubscribe\",\"channel\":\"order_changes\"}");
            assertEquals(json("{\"type\":\"unsubscribed\",\"channel\":\"order_changes\"}"), ws.next());
            admin.create("orders", "{\"total\":3}");
            admin.create("products", "{\"name\":\"Not subscribed\",\"sku\":\"NS-" + System.nanoTime() + "\",\"price\":1}");
            JsonObject customer = admin.create("customers", "{\"email\":\"only@example.com\"}");
            expectEvent(ws, "customer:created", customer);
        }
    }

    @Test
    void shippingThatFailsRollsBackAndPublishesNothing() {
        try (WsClient ws = admin.subscribed("order_changes", "shipment_changes")) {
            String tracking = "1Z-" + System.nanoTime();
            JsonObject shippedOrder = admin.create("orders", "{\"total\":10}");
            expectEvent(ws, "order:created", shippedOrder);
            long shippedId = shippedOrder.getJsonNumber("id").longValue();
            HttpJson.Reply shipped = admin.http.post("/commerce/api/orders/" + shippedId + "/ship", "{\"carrier\":\"UPS\",\"tracking_number\":\"" + tracking + "\"}");
            assertEquals(201, shipped.status(), shipped.body());
            JsonObject shippedEvent = ws.next();
            assertEquals("order:updated", shippedEvent.getString("event"));
            assertEquals(json("{\"status\":\"shipped\"}"), shippedEvent.getJsonObject("data").getJsonObject("changed_fields"));
            expectEvent(ws, "shipment:created", shipped.object());

            JsonObject order = admin.create("orders", "{\"total\":20}");
            expectEvent(ws, "order:created", order);
            long orderId = order.getJsonNumber("id").longValue();
            HttpJson.Reply duplicate = admin.http.post("/commerce/api/orders/" + orderId + "/ship", "{\"carrier\":\"DHL\",\"tracking_number\":\"" + tracking + "\"}");
            assertEquals(409, duplicate.status(), duplicate.body());
            assertEquals("error", duplicate.object().getString("type"));

            // the order's status update was written and logged before the shipment failed: all of it rolled back
            assertEquals(order, admin.http.get("/commerce/api/orders/" + orderId).object());
            JsonObject changed = admin.update("orders", orderId, "{\"total\":21}");
            expectEvent(ws, "order:updated", withChanges(changed, json("{\"total\":21.00}")));
            assertEquals("pending", changed.getString("status"));
        }
    }
}
