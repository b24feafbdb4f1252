package io.herald.it.orders;

import static io.herald.it.orders.OrdersClient.ACME_KEY;
import static io.herald.it.orders.OrdersClient.GLOBEX_KEY;
import static io.herald.it.orders.OrdersClient.apiKey;
import static io.herald.it.orders.OrdersClient.changeStatus;
import static io.herald.it.orders.OrdersClient.createOrder;
import static io.herald.it.orders.OrdersClient.json;
import static io.herald.it.orders.OrdersClient.listSigned;
import static io.herald.it.orders.OrdersClient.newOrganization;
import static io.herald.it.orders.OrdersClient.patchSigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order REST API with {@code X-API-Key} (and the request signature for listing and changing,
 * see {@link SignatureReplayIT} for the refusals): creation, the lifecycle, isolation between
 * organizations.
 */
@ExtendWith(Cluster.class)
class OrdersRestIT {

    final HeraldNode node = Cluster.get().nodeA();
    final HttpJson http = new HttpJson(node);

    static JsonObject restError(String message) {
        return Json.createObjectBuilder().add("type", "error").add("message", message).build();
    }

    @Test
    void creatingAnOrderAnswers201WithAStringIdAndStatusPending() {
        HttpJson.Reply reply = http.post("/orders/api/orders", "{\"reference\":\"PO-4711\"}", apiKey(ACME_KEY));
        assertEquals(201, reply.status(), reply.body());
        JsonObject order = reply.object();
        assertEquals(JsonValue.ValueType.STRING, order.get("id").getValueType());
        assertTrue(order.getString("id").matches("ord_[0-9A-Za-z]{20}"), order.toString());
        assertEquals("pending", order.getString("status"));
        assertEquals("acme", order.getString("organization_id"));
        assertEquals("PO-4711", order.getString("reference"));
        assertTrue(order.getString("created_at").matches(OrdersClient.TIMESTAMP));
        assertEquals(order.getString("created_at"), order.getString("updated_at"));
        assertEquals(6, order.size(), order.toString());
        assertEquals(order, http.get("/orders/api/orders/" + order.getString("id"), apiKey(ACME_KEY)).object());
        assertEquals(order, new HttpJson(Cluster.get().nodeB()).get("/orders/api/orders/" + order.getString("id"), apiKey(ACME_KEY)).object(),
                "the other node reads the same order");
    }

    @Test
    void theBodyIsOptional() {
        HttpJson.Reply empty = http.post("/orders/api/orders", "", apiKey(ACME_KEY));
        assertEquals(201, empty.status(), empty.body());
        assertEquals(JsonValue.NULL, empty.object().get("reference"));
        assertEquals(201, http.post("/orders/api/orders", "{}", apiKey(ACME_KEY)).status());
    }

    @Test
    void badBodiesAre400() {
        assertEquals(restError("Unknown field: status"), http.post("/orders/api/orders", "{\"status\":\"shipped\"}", apiKey(ACME_KEY)).object());
        assertEquals(restError("Malformed JSON"), http.post("/orders/api/orders", "{\"reference\":", apiKey(ACME_KEY)).object());
        assertEquals(restError("reference must be at most 100 characters"),
                http.post("/orders/api/orders", "{\"reference\":\"" + "r".repeat(101) + "\"}", apiKey(ACME_KEY)).object());
        HttpJson.Reply wrongType = http.post("/orders/api/orders", "{\"reference\":5}", apiKey(ACME_KEY));
        assertEquals(400, wrongType.status());
        assertEquals(restError("reference must be a string"), wrongType.object());
    }

    @Test
    void theLifecycle() {
        String id = createOrder(node, ACME_KEY, null).getString("id");
        String path = "/orders/api/orders/" + id;
        changeStatus(node, ACME_KEY, id, "processing");
        HttpJson.Reply back = patchSigned(node, ACME_KEY, id, "{\"status\":\"pending\"}");
        assertEquals(409, back.status());
        assertEquals(restError("Cannot change status from processing to pending"), back.object());
        HttpJson.Reply unknown = patchSigned(node, ACME_KEY, id, "{\"status\":\"teleported\"}");
        assertEquals(400, unknown.status());
        assertEquals(restError("status must be one of pending, processing, shipped, delivered, cancelled"), unknown.object());
        assertEquals(restError("status is required"), patchSigned(node, ACME_KEY, id, "{}").object());
        assertEquals(restError("Unknown field: reference"), patchSigned(node, ACME_KEY, id, "{\"reference\":\"x\"}").object());
        changeStatus(Cluster.get().nodeB(), ACME_KEY, id, "shipped");
        assertEquals(409, patchSigned(node, ACME_KEY, id, "{\"status\":\"cancelled\"}").status());
        JsonObject delivered = changeStatus(node, ACME_KEY, id, "delivered");
        HttpJson.Reply fin = patchSigned(node, ACME_KEY, id, "{\"status\":\"processing\"}");
        assertEquals(409, fin.status());
        assertEquals(restError("Cannot change status from delivered to processing"), fin.object());
        assertEquals(delivered, http.get(path, apiKey(ACME_KEY)).object());

        String other = createOrder(node, ACME_KEY, null).getString("id");
        changeStatus(node, ACME_KEY, other, "cancelled");
        assertEquals(restError("Cannot change status from cancelled to processing"),
                patchSigned(node, ACME_KEY, other, "{\"status\":\"processing\"}").object());
    }

    @Test
    void anotherOrganizationsOrderIsNotFound() {
        JsonObject acme = createOrder(node, ACME_KEY, "secret project");
        String id = acme.getString("id");
        HttpJson.Reply read = http.get("/orders/api/orders/" + id, apiKey(GLOBEX_KEY));
        assertEquals(404, read.status());
        assertEquals(restError("Order " + id + " not found"), read.object());
        HttpJson.Reply change = patchSigned(node, GLOBEX_KEY, id, "{\"status\":\"cancelled\"}");
        assertEquals(404, change.status());
        assertEquals(restError("Order " + id + " not found"), change.object());
        assertEquals(acme, http.get("/orders/api/orders/" + id, apiKey(ACME_KEY)).object(), "unchanged");
        assertEquals(restError("Order ord_nothing not found"), http.get("/orders/api/orders/ord_nothing", apiKey(ACME_KEY)).object());
        for (JsonValue order : listSigned(node, GLOBEX_KEY).json().asJsonArray()) {
            assertEquals("globex", order.asJsonObject().getString("organization_id"));
        }
    }

    @Test
    void theListIsTheOrganizationsOrdersNewestFirst() {
        OrdersClient.Organization org = newOrganization(node);
        String first = createOrder(node, org.apiKey(), "1").getString("id");
        String second = createOrder(node, org.apiKey(), "2").getString("id");
        JsonArray list = listSigned(node, org.apiKey()).json().asJsonArray();
        assertEquals(2, list.size(), list.toString());
        assertEquals(second, list.getJsonObject(0).getString("id"));
        assertEquals(first, list.getJsonObject(1).getString("id"));
    }

    @Test
    void withoutAValidKeyEveryRequestIs401() {
        JsonObject invalid = restError("invalid api_key");
        for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(), apiKey("ak_unknown"), apiKey(""))) {
            HttpJson.Reply list = http.get("/orders/api/orders", headers);
            assertEquals(401, list.status(), headers.toString());
            assertEquals(invalid, list.object());
            assertEquals(401, http.post("/orders/api/orders", "{}", headers).status());
            assertEquals(401, http.get("/orders/api/orders/ord_x", headers).status());
            assertEquals(401, http.patch("/orders/api/orders/ord_x", "{\"status\":\"cancelled\"}", headers).status());
        }
        // the demo data: each demo organization has a pending and a processing order
        for (String key : new String[] {ACME_KEY, GLOBEX_KEY}) {
            assertTrue(listSigned(node, key).json().asJsonArray().stream()
                    .map(o -> ((JsonString) o.asJsonObject().get("status")).getString())
                    .toList().containsAll(java.util.List.of("pending", "processing")));
        }
        assertEquals(json("{\"type\":\"error\",\"message\":\"invalid api_key\"}"), http.get("/orders/api/orders", apiKey("ak_demo_acmf")).object());
    }

    @Test
    void instantsAreStoredAsTimestampsWithTimeZoneThatSqlCanRead() throws Exception {
        try (java.sql.Connection db = Cluster.get().database().connect();
                java.sql.ResultSet columns = db.createStatement().executeQuery("SELECT lower(table_name), lower(column_name), lower(data_type) "
                        + "FROM information_schema.columns WHERE lower(column_name) IN ('created_at', 'updated_at', 'revoked_at', 'read_at') "
                        + "AND lower(table_name) IN ('orders_order', 'orders_organization', 'orders_api_key', 'inventory_notification')")) {
            int seen = 0;
            while (columns.next()) {
                seen++;
                assertEquals("timestamp with time zone", columns.getString(3), columns.getString(1) + "." + columns.getString(2));
            }
            assertEquals(7, seen, "the seven Instant columns");
        }
    }
}
