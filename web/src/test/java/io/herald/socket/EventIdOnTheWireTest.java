package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.herald.commerce.boundary.CommerceCodec;
import io.herald.delivery.control.EventEnvelope;
import io.herald.inventory.boundary.InventoryCodec;
import io.herald.orders.boundary.OrdersCodec;
import io.herald.pos.boundary.PosCodec;
import io.herald.trading.boundary.TradingCodec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every product's event frame carries the durable event's id under the name its document's style implies. */
class EventIdOnTheWireTest {

    private static EventEnvelope event(long id, String product, String type, String epoch) {
        return new EventEnvelope(id, product, type, Set.of(product + ":k"), Json.createObjectBuilder().add("id", "n1").build(),
                Instant.parse("2026-11-24T10:00:00Z"), epoch);
    }

    private static JsonObject read(String frame) {
        return Json.createReader(new StringReader(frame)).readObject();
    }

    @Test
    void durableEventsCarryTheirId() {
        assertEquals("ep.7", read(CommerceCodec.event(event(7, "commerce", "order:updated", "ep"))).getString("event_id"));
        assertEquals("ep.7", read(InventoryCodec.notification(event(7, "inventory", "notification", "ep"))).getString("event_id"));
        assertEquals("ep.7", read(OrdersCodec.event(event(7, "orders", "order.status_changed", "ep"))).getString("event_id"));
        EventEnvelope pos = event(7, "pos", "order.paid", "ep");
        assertEquals("ep.7", read(PosCodec.event("orders", List.of("sub-1"), pos, PosCodec.eventTail(pos))).getString("event_id"));
        assertEquals("ep.7", read(TradingCodec.event(event(7, "trading", "market_data_update", "ep"))).getString("eventId"));
    }

    @Test
    void ephemeralEventsHaveNone() {
        assertFalse(read(CommerceCodec.event(event(0, "commerce", "order:updated", ""))).containsKey("event_id"));
        assertFalse(read(TradingCodec.event(event(0, "trading", "market_data_update", ""))).containsKey("eventId"));
    }
}
