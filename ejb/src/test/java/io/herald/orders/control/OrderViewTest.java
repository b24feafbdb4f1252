package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderViewTest {

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    final OrderView order = new OrderView("ord_1", "acme", "processing", "PO-7",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:05:00.123Z"));

    @Test
    void restShape() {
        assertEquals(json("{\"id\":\"ord_1\",\"organization_id\":\"acme\",\"status\":\"processing\",\"reference\":\"PO-7\","
                + "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\"2026-01-01T00:05:00.123Z\"}"), order.rest());
    }

    @Test
    void eventShape() {
        assertEquals(json("{\"event\":\"order.status_changed\",\"order_id\":\"ord_1\",\"organization_id\":\"acme\",\"status\":\"processing\","
                + "\"previous_status\":\"pending\",\"reference\":\"PO-7\",\"updated_at\":\"2026-01-01T00:05:00.123Z\"}"),
                order.event("order.status_changed", "pending"));
        OrderView fresh = new OrderView("ord_2", "acme", "pending", null, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(json("{\"event\":\"order.created\",\"order_id\":\"ord_2\",\"organization_id\":\"acme\",\"status\":\"pending\","
                + "\"previous_status\":null,\"reference\":null,\"updated_at\":\"2026-01-01T00:00:00.000Z\"}"),
                fresh.event("order.created", null));
    }

    @Test
    void keysAreListedWithoutSecrets() {
        assertEquals(json("{\"api_key\":\"ak_1\",\"organization_id\":\"acme\",\"created_at\":\"2026-01-01T00:00:00.000Z\",\"revoked\":false,\"revoked_at\":null}"),
                new KeyView("ak_1", "acme", Instant.parse("2026-01-01T00:00:00Z"), null).wire());
        assertEquals(json("{\"api_key\":\"ak_1\",\"secret\":\"sk_1\",\"organization_id\":\"acme\",\"created_at\":\"2026-01-01T00:00:00.000Z\"}"),
                new IssuedKey("ak_1", "sk_1", "acme", Instant.parse("2026-01-01T00:00:00Z")).wire());
        assertEquals("IssuedKey[apiKey=ak_1, organizationId=acme]", new IssuedKey("ak_1", "sk_1", "acme", Instant.EPOCH).toString());
    }
}
