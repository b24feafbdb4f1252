package io.herald.operations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.delivery.control.EventEnvelope;
import io.herald.operations.control.RecentEvents;
import io.herald.publish.control.IngestRejections;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminViewsTest {

    @Test
    void anEventCarriesItsDataOnlyWhenAskedFor() {
        RecentEvents recent = new RecentEvents();
        JsonObject data = Json.createObjectBuilder().add("id", 7).add("note", "<img src=x onerror=alert(1)>").build();
        recent.offer(new EventEnvelope(42, "commerce", "order:updated", Set.of("commerce:order_changes"), data, Instant.ofEpochMilli(1_000)), 3);
        RecentEvents.Seen seen = recent.find(1).orElseThrow();

        JsonObject listed = AdminViews.event(seen, false);
        assertFalse(listed.containsKey("data"), "the live list stays small");
        assertEquals(42, listed.getInt("id"));
        assertEquals("commerce:order_changes", listed.getJsonArray("routingKeys").getString(0));

        JsonObject full = AdminViews.event(seen, true);
        assertEquals(data, full.getJsonObject("data"));
        assertEquals(3, full.getInt("sessions"));
    }

    @Test
    void rejectionsListTheCountAndTheLatestWithNullsForWhatIsUnknown() {
        IngestRejections rejections = new IngestRejections();
        rejections.record("not a text message", null, null, 5);
        rejections.record("unknown product", "{\"product\":\"nope\"}", "ID:2", 6);

        JsonObject json = AdminViews.rejections("node-a", rejections);
        assertEquals("node-a", json.getString("node"));
        assertEquals(2, json.getInt("count"));
        JsonObject newest = json.getJsonArray("latest").getJsonObject(0);
        assertEquals("unknown product", newest.getString("reason"));
        assertEquals("{\"product\":\"nope\"}", newest.getString("body"));
        assertEquals("ID:2", newest.getString("messageId"));
        JsonObject older = json.getJsonArray("latest").getJsonObject(1);
        assertTrue(older.isNull("body"));
        assertTrue(older.isNull("messageId"));
        assertFalse(older.getBoolean("truncated"));
    }
}
